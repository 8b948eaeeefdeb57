// union-assist: what the app's own workspace pages share (the auditors' /audit/ and the payments /payments/). Plain
// JavaScript, loaded before the page's own script, as window.Workspace: the helpers for the page's elements and the
// app's API, the file download with its refusal shown in the page, and the webapps' login and logout. What differs
// from page to page (the webapp whose login is used, the words for a user who may not use the page, what follows the
// login) the page gives once with Workspace.configure({...}).
(function () {
  'use strict';

  var settings = {
    loginApp: 'cockpit',        // the webapp whose login the page uses: 'cockpit' or 'tasklist'
    notAllowed: '',             // said when the password was right but the webapp refuses this user (403)
    downloadFailed: '下载未能完成', // the start of what is said when a download is refused without a reason
    afterLogin: function () {}  // what the page does once logged in
  };

  function configure(options) {
    Object.keys(options || {}).forEach(function (key) { settings[key] = options[key]; });
  }

  function $(id) { return document.getElementById(id); }

  function text(value) { return value === null || value === undefined || value === '' ? '—' : String(value); }

  function el(tag, content, cls) {
    var e = document.createElement(tag);
    if (content !== undefined) { e.textContent = text(content); }
    if (cls) { e.className = cls; }
    return e;
  }

  function showMessage(message, kind) {
    var box = $('message');
    box.textContent = message;
    box.className = 'message ' + (kind || 'error');
    box.hidden = !message;
  }

  // The app's API: the answer as JSON (or text); a refusal as an Error with the server's Chinese message and the
  // answer's status. Not logged in: the login form, and a quiet error.
  function request(method, path, body, contentType) {
    var headers = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
    if (contentType) { headers['Content-Type'] = contentType; }
    return fetch(path, { method: method, credentials: 'same-origin', headers: headers, body: body })
      .then(function (response) {
        if (response.status === 401) {
          showLogin();
          var notLoggedIn = new Error('请先登录');
          notLoggedIn.quiet = true; // the login form says it: no red box on a first visit
          throw notLoggedIn;
        }
        var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
        return (json ? response.json() : response.text()).then(function (data) {
          if (!response.ok) {
            var message = data && data.message ? data.message : '请求未能完成（' + response.status + '）';
            var refused = new Error(message);
            refused.status = response.status;
            throw refused;
          }
          return data;
        });
      });
  }

  function get(path) { return request('GET', path); }

  function fail(error) {
    if (!error.quiet) { showMessage(error.message || String(error)); }
  }

  function query(criteria) {
    var parts = [];
    Object.keys(criteria).forEach(function (key) {
      var value = criteria[key];
      if (value !== null && value !== undefined && String(value).trim() !== '') {
        parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(value).trim()));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  // A time as Beijing time, 2026-07-10 14:03:00, whether the server sent text or milliseconds.
  var BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

  function when(value) {
    if (value === null || value === undefined || value === '') { return value; }
    if (typeof value === 'string' && !/T|[+-]\d\d:?\d\d$|Z$/.test(value)) { return value; } // already as shown
    var date = new Date(value);
    if (isNaN(date.getTime())) { return String(value); }
    var parts = {};
    BEIJING.formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':' + parts.second;
  }

  // rows into the table's body (cells(row, tr) gives a row's cells: values or nodes); "（无）" across all columns
  // when there are none (the header's columns unless told how many)
  function fillRows(tableId, rows, cells, columns) {
    var body = $(tableId).querySelector('tbody');
    body.innerHTML = '';
    if (!rows || rows.length === 0) {
      var tr = el('tr');
      var td = el('td', '（无）', 'empty');
      td.colSpan = columns || $(tableId).querySelectorAll('thead th').length;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    rows.forEach(function (row) {
      var tr = el('tr');
      cells(row, tr).forEach(function (cell) {
        if (cell instanceof Node) {
          var td = el('td');
          td.appendChild(cell);
          tr.appendChild(td);
        } else {
          tr.appendChild(el('td', cell));
        }
      });
      body.appendChild(tr);
    });
  }

  // The file's name as the server gives it (Content-Disposition, filename*=UTF-8''… first).
  function fileName(response, fallback) {
    var header = response.headers.get('Content-Disposition') || '';
    var encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) { return decodeURIComponent(encoded[1]); }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  // Fetched, then saved: a refusal (bad criteria, no right to the case or the batch, a wrong month) is shown in the
  // page in Chinese, never as raw JSON, and the page stays where it is. Resolves true once the file is saved.
  function download(path, fallbackName) {
    showMessage('');
    return fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) {
        if (response.status === 401) { showLogin(); return null; }
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            throw new Error(data && data.message ? data.message : settings.downloadFailed + '（' + response.status + '）');
          });
        }
        return response.blob().then(function (blob) {
          var link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = fileName(response, fallbackName);
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          return true;
        });
      })
      .catch(fail);
  }

  // ---- login ------------------------------------------------------------------------------------------------
  function showLogin() {
    $('workspace').hidden = true;
    $('login').hidden = false;
    $('logout').hidden = true;
    $('who').textContent = '';
  }

  // The webapps' CSRF token: every webapp API answer carries it in X-XSRF-TOKEN (its cookie is for /camunda only).
  function xsrfToken() {
    return fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' })
      .then(function (response) { return response.headers.get('X-XSRF-TOKEN'); });
  }

  // The webapps' own login, as the configured webapp's (Cockpit's, Tasklist's); its CSRF token comes from any webapp
  // call first.
  function postLogin(form) {
    return xsrfToken().then(function (token) {
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
      if (token) { headers['X-XSRF-TOKEN'] = token; }
      return fetch('/camunda/api/admin/auth/user/default/login/' + settings.loginApp,
        { method: 'POST', credentials: 'same-origin', headers: headers, body: form.toString() });
    });
  }

  function staleToken(response) {
    return response.status === 403 && (response.headers.get('X-XSRF-TOKEN') || '').toLowerCase() === 'required';
  }

  // The login form's submit: on a stale CSRF token it tries once more with a fresh one.
  function login(event) {
    event.preventDefault();
    showMessage('');
    var form = new URLSearchParams();
    form.set('username', $('login-username').value.trim());
    form.set('password', $('login-password').value);
    postLogin(form)
      .then(function (response) { return staleToken(response) ? postLogin(form) : response; })
      .then(function (response) {
        // (after a wrong password the webapps make the user wait a few seconds before the next try)
        if (response.status === 401) { throw new Error('用户名或密码不正确；输错后请稍等几秒再试'); }
        // the password was right, but the user may not use the configured webapp: not one of the page's users
        if (response.status === 403) { throw new Error(settings.notAllowed); }
        if (!response.ok) { throw new Error('登录未能完成（' + response.status + '），请稍后再试'); }
        $('login-password').value = '';
        settings.afterLogin();
      })
      .catch(fail);
  }

  function logout(event) {
    event.preventDefault();
    xsrfToken().then(function (token) {
      return fetch('/camunda/api/admin/auth/user/default/logout',
        { method: 'POST', credentials: 'same-origin', headers: token ? { 'X-XSRF-TOKEN': token } : {} });
    }).finally(function () {
      // nothing the previous user saw may stay in the page: start it afresh at its first tab
      location.hash = '';
      location.reload();
    });
  }

  // Who is logged in: the webapps' own answer, and the user's name from the engine (the id alone if it has none).
  function who() {
    return fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (auth) {
        if (!auth || !auth.userId) { return null; }
        return fetch('/camunda/api/engine/engine/default/user/' + encodeURIComponent(auth.userId) + '/profile',
          { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : {}; })
          .catch(function () { return {}; })
          .then(function (profile) {
            var name = ((profile && profile.lastName) || '') + ((profile && profile.firstName) || '');
            return name ? name + '（' + auth.userId + '）' : auth.userId;
          });
      })
      .catch(function () { return null; });
  }

  window.Workspace = {
    configure: configure,
    $: $,
    text: text,
    el: el,
    showMessage: showMessage,
    request: request,
    get: get,
    fail: fail,
    query: query,
    when: when,
    fillRows: fillRows,
    fileName: fileName,
    download: download,
    showLogin: showLogin,
    login: login,
    logout: logout,
    who: who
  };
})();
