// union-assist: the payments workspace page (付款工作台). Plain JavaScript against /api/payments, with the webapps'
// session (the same as the auditors' workspace); the server decides who may do what and masks every card number.
(function () {
  'use strict';

  var API = '/api/payments';
  var EXPORTS = '/api/exports/payments';
  var state = {};

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

  // rows into the table's body; "（无）" across all columns when there are none
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

  // Fetched, then saved: a refusal (not the payer, a batch not yet approved, a wrong month) is shown in the page in
  // Chinese, and the page stays where it is. Resolves true once the file is saved.
  function download(path, fallbackName) {
    showMessage('');
    return fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) {
        if (response.status === 401) { showLogin(); return null; }
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            throw new Error(data && data.message ? data.message : '下载未能完成（' + response.status + '）');
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

  // The webapps' own login, as Tasklist's (every clerk, chair and auditor may use Tasklist); its CSRF token comes
  // from any webapp call first.
  function postLogin(form) {
    return xsrfToken().then(function (token) {
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
      if (token) { headers['X-XSRF-TOKEN'] = token; }
      return fetch('/camunda/api/admin/auth/user/default/login/tasklist',
        { method: 'POST', credentials: 'same-origin', headers: headers, body: form.toString() });
    });
  }

  function staleToken(response) {
    return response.status === 403 && (response.headers.get('X-XSRF-TOKEN') || '').toLowerCase() === 'required';
  }

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
        if (response.status === 403) { throw new Error('付款工作台仅供市总工会经办人、审批人和经费审查委员使用'); }
        if (!response.ok) { throw new Error('登录未能完成（' + response.status + '），请稍后再试'); }
        $('login-password').value = '';
        start();
      })
      .catch(fail);
  }

  function logout(event) {
    event.preventDefault();
    xsrfToken().then(function (token) {
      return fetch('/camunda/api/admin/auth/user/default/logout',
        { method: 'POST', credentials: 'same-origin', headers: token ? { 'X-XSRF-TOKEN': token } : {} });
    }).finally(function () {
      // nothing the previous user saw may stay in the page: start it afresh at the batches
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

  // ---- start ------------------------------------------------------------------------------------------------
  // The batches answer only to the city's staff: a user logged in who is not is told so at the login form.
  function start() {
    get(API + '/batches').then(function (batches) {
      $('login').hidden = true;
      $('workspace').hidden = false;
      $('logout').hidden = false;
      state.batches = batches;
      who().then(function (name) { $('who').textContent = name ? '当前用户：' + name : ''; });
      route();
    }).catch(function (error) {
      if (error.status === 403) { showLogin(); }
      fail(error);
    });
  }

  // ---- routing: #batches, #batch/<number>, #failed, #reconciliation -----------------------------------------
  function route() {
    var hash = location.hash.replace(/^#/, '') || 'batches';
    var tab = hash.indexOf('batch/') === 0 ? 'batch' : hash;
    if (!$('tab-' + tab)) { tab = 'batches'; }
    document.querySelectorAll('.tab').forEach(function (section) { section.hidden = section.id !== 'tab-' + tab; });
    document.querySelectorAll('#tabs a').forEach(function (a) {
      a.classList.toggle('active', a.dataset.tab === tab || (tab === 'batch' && a.dataset.tab === 'batches'));
    });
    showMessage('');
    if (tab === 'batches') { batches(); }
    if (tab === 'batch') { openBatch(decodeURIComponent(hash.substring(6)), true); }
    if (tab === 'failed') { failed(); }
    if (tab === 'reconciliation' && !state.reconciled) { reconciliation(); }
  }

  // ---- batches ----------------------------------------------------------------------------------------------
  function batches() {
    get(API + '/batches').then(function (list) {
      fillRows('batches-list', list, function (b) {
        var link = el('a', b.number);
        link.href = '#batch/' + encodeURIComponent(b.number);
        return [link, b.statusLabel, b.preparedBy, b.preparedAt, b.approvedBy || '（尚未审批）', b.lineCount, b.total,
          b.paid, b.failed];
      });
    }).catch(fail);
  }

  // A batch: its facts, lines, the bank file, the import and both histories. Opened afresh (from the list or an
  // address) it forgets the last import's summary; reloaded after an import or a download, it keeps it.
  function openBatch(number, fresh) {
    var asked = state.batchSeq = (state.batchSeq || 0) + 1;
    if (fresh) {
      $('batch-body').hidden = true;
      $('import-result').hidden = true;
      clearFile();
    }
    return get(API + '/batches/' + encodeURIComponent(number)).then(function (b) {
      if (asked !== state.batchSeq) { return; }
      state.batch = b.number;
      $('batch-body').hidden = false;
      $('batch-title').textContent = '付款批次 ' + b.number + ' · ' + b.statusLabel;
      var facts = [['批次号', b.number], ['状态', b.statusLabel], ['编制人', b.preparedBy], ['编制时间', b.preparedAt],
        ['审批人', b.approvedBy || '（尚未审批）'], ['笔数', b.lineCount], ['合计（元）', b.total],
        ['金额大写', b.totalInWords], ['已支付', b.paid + ' 笔'], ['支付失败', b.failed + ' 笔'],
        ['尚待回单', (b.lineCount - b.paid - b.failed) + ' 笔']];
      $('batch-facts').innerHTML = '';
      facts.forEach(function (f) { $('batch-facts').appendChild(el('dt', f[0])); $('batch-facts').appendChild(el('dd', f[1])); });
      $('bank-file').href = EXPORTS + '/batches/' + encodeURIComponent(b.number) + '/bank-file.xlsx';
      fillRows('batch-lines', b.lines, function (l) {
        return [l.line, l.caseNumber, l.programme, l.payee, l.bankCard, l.amount, l.result, l.reason];
      });
      fillRows('batch-downloads', b.downloads, function (d) {
        return [when(d.downloadedAt), d.downloadedBy, d.lineCount, d.total, shortHash(d.fileSha256)];
      });
      fillRows('batch-imports', b.imports, function (i) {
        return [when(i.importedAt), i.importedBy, i.linesRead, i.newlyPaid, i.newlyFailed, i.unchanged,
          shortHash(i.fileSha256)];
      });
    }).catch(fail);
  }

  // the first 16 of the file's SHA-256 digits, the whole one on hover
  function shortHash(sha256) {
    if (!sha256) { return ''; }
    var span = el('span', sha256.substring(0, 16) + '…', 'hash');
    span.title = 'SHA-256：' + sha256;
    return span;
  }

  function bankFile(event) {
    event.preventDefault();
    var number = state.batch;
    download($('bank-file').getAttribute('href'), '银行批量代付-' + number + '.xlsx').then(function (saved) {
      if (saved) { openBatch(number, false); } // the download is on record: show it
    });
  }

  // What an import did, in the clerk's words.
  function importSummary(r) {
    var changed = r.newlyPaid + r.newlyFailed > 0;
    var words = '读取' + r.linesRead + '行：' + (changed
      ? '新登记已支付' + r.newlyPaid + '笔、支付失败' + r.newlyFailed + '笔，此前已登记' + r.unchanged + '笔未变'
      : '全部为此前已登记的结果，本次没有任何变更（此前已登记' + r.unchanged + '笔未变）')
      + '；尚待回单' + r.awaiting + '笔。';
    if (r.newlyFailed > 0) { words += '支付失败的款项请在“支付失败待更正”中更正银行卡后重新支付。'; }
    if (r.awaiting === 0) { words += '本批次回单已全部登记，请到任务中心完成“提交银行并登记回单”任务。'; }
    return words;
  }

  function clearFile() {
    $('import-file').value = '';
    $('import-file-name').textContent = '未选择文件';
  }

  function fileChosen() {
    var input = $('import-file');
    $('import-file-name').textContent = input.files && input.files.length ? input.files[0].name : '未选择文件';
  }

  function importResult(event) {
    event.preventDefault();
    showMessage('');
    $('import-result').hidden = true;
    var input = $('import-file');
    if (!input.files || input.files.length === 0) {
      showMessage('请先选择银行回单文件（Excel 或 CSV）');
      return;
    }
    var number = state.batch;
    var body = new FormData();
    body.append('file', input.files[0]);
    $('import-submit').disabled = true;
    request('POST', API + '/batches/' + encodeURIComponent(number) + '/bank-result', body).then(function (r) {
      $('import-result').textContent = importSummary(r);
      $('import-result').className = 'result ok';
      $('import-result').hidden = false;
      clearFile();
      return openBatch(number, false);
    }).catch(fail).finally(function () { $('import-submit').disabled = false; });
  }

  // ---- failed payments --------------------------------------------------------------------------------------
  function failed() {
    get(API + '/disbursements?status=FAILED').then(function (list) {
      var open = list.filter(function (d) { return !d.reissued; });
      var again = list.filter(function (d) { return d.reissued; });
      $('failed-counts').textContent = '待更正 ' + open.length + ' 笔';
      $('failed-again-count').textContent = '（' + again.length + ' 笔）';
      fillRows('failed-list', open, function (d, tr) {
        tr.dataset.disbursement = d.id;
        var card = el('input', undefined, 'card');
        card.id = 'card-' + d.id;
        card.setAttribute('inputmode', 'numeric');
        card.setAttribute('autocomplete', 'off');
        card.placeholder = '12至19位数字';
        var note = el('input', undefined, 'note');
        note.id = 'note-' + d.id;
        note.maxLength = 200;
        note.placeholder = '如：收款人提供了本人名下的新卡';
        var action = el('div', undefined, 'action');
        var button = el('button', '重新支付', 'primary');
        button.type = 'button';
        button.id = 'reissue-' + d.id;
        var said = el('div', undefined, 'row-message');
        said.id = 'said-' + d.id;
        said.textContent = '';
        button.addEventListener('click', function () { reissue(d, card, note, button, said); });
        action.appendChild(button);
        action.appendChild(said);
        return [d.caseNumber, d.programmeName || d.programme, d.payeeName, d.payeeIdNumber, d.bankCard, d.amount,
          d.failureReason, card, note, action];
      });
      fillRows('failed-again', again, function (d) {
        return [d.caseNumber, d.programmeName || d.programme, d.payeeName, d.payeeIdNumber, d.bankCard, d.amount,
          d.failureReason];
      });
    }).catch(fail);
  }

  function reissue(d, card, note, button, said) {
    showMessage('');
    said.textContent = '';
    button.disabled = true;
    var body = JSON.stringify({ bankCard: card.value, note: note.value });
    request('POST', API + '/disbursements/' + encodeURIComponent(d.id) + '/reissue', body, 'application/json')
      .then(function (r) {
        showMessage('已更正：案件 ' + r.caseNumber + '（' + d.payeeName + '）的银行卡更正为 ' + r.bankCard + '，该笔款项'
          + r.statusLabel + '，将编入以后的付款批次。', 'ok');
        failed();
      })
      .catch(function (error) {
        if (!error.quiet) { said.textContent = error.message; }
        fail(error);
      })
      .finally(function () { button.disabled = false; });
  }

  // ---- reconciliation ---------------------------------------------------------------------------------------
  function months() {
    return { from: $('r-from').value, to: $('r-to').value };
  }

  function reconciliation() {
    showMessage('');
    var period = months();
    if (!period.from) {
      showMessage('请选择起始审批月份');
      return;
    }
    state.reconciled = true;
    var asked = state.reconciliationSeq = (state.reconciliationSeq || 0) + 1;
    $('reconciliation-summary').textContent = '';
    get(API + '/reconciliation' + query(period)).then(function (r) {
      if (asked !== state.reconciliationSeq) { return; }
      var off = r.rows.filter(function (row) { return !row.balanced; }).length;
      $('reconciliation-summary').textContent = '审批月份 ' + r.from + ' 至 ' + r.to + '，共 ' + r.rows.length + ' 行：'
        + (r.rows.length === 0 ? '期间没有批准的款项' : r.balanced ? '全部相符' : off + ' 行不符，请核查');
      $('reconciliation-summary').className = 'result ' + (r.balanced ? 'ok' : 'broken');
      fillRows('reconciliation-rows', r.rows, function (row, tr) {
        if (!row.balanced) { tr.className = 'off'; }
        var verdict = el('strong', row.balancedLabel, row.balanced ? 'ok' : 'broken');
        return [row.programme, row.month, row.approvedCount, row.approved, row.paidCount, row.paid, row.pendingCount,
          row.pending, row.inBatch, row.failedCount, row.failed, row.difference, row.statusDisagrees, verdict];
      }, 14);
    }).catch(fail);
  }

  function thisMonth() {
    var now = new Date();
    return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('bank-file').addEventListener('click', bankFile);
    $('import-form').addEventListener('submit', importResult);
    $('import-file').addEventListener('change', fileChosen);
    $('r-from').value = new Date().getFullYear() + '-01';
    $('r-to').value = thisMonth();
    $('reconciliation-form').addEventListener('submit', function (event) { event.preventDefault(); reconciliation(); });
    $('reconciliation-export').addEventListener('click', function () {
      var period = months();
      if (!period.from) { showMessage('请选择起始审批月份'); return; }
      download(EXPORTS + '/reconciliation.xlsx' + query(period), '付款对账.xlsx');
    });
    window.addEventListener('hashchange', route);
    start();
  });
})();
