// union-assist: the auditors' workspace page. Plain JavaScript against /api/audit, with the webapps' session;
// every answer is already limited to the auditor's jurisdiction by the server.
(function () {
  'use strict';

  var API = '/api/audit';
  var state = { options: null, page: 0, size: 20, criteria: {}, charts: [] };

  // what both workspace pages share: ../workspace/workspace.js
  var W = window.Workspace;
  var $ = W.$, text = W.text, el = W.el, showMessage = W.showMessage, request = W.request, get = W.get, fail = W.fail,
    query = W.query, fillRows = W.fillRows, download = W.download;

  W.configure({
    // the webapps' auditing side (Cockpit): a user whose password was right but who may not use it is not an auditor
    loginApp: 'cockpit',
    notAllowed: '审计工作台仅供经费审查委员使用',
    downloadFailed: '导出未能完成',
    afterLogin: start
  });

  // ---- start ------------------------------------------------------------------------------------------------
  function start() {
    get(API + '/options').then(function (options) {
      state.options = options;
      $('login').hidden = true;
      $('workspace').hidden = false;
      $('logout').hidden = false;
      $('who').textContent = '经费审查委员：' + options.auditor;
      fillOptions(options);
      route();
    }).catch(fail);
  }

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function fillOptions(options) {
    var process = $('f-process');
    process.length = 1;
    options.processes.forEach(function (p) { option(process, p.key, p.name); });
    [$('f-union'), $('s-union')].forEach(function (select, i) {
      select.length = i === 0 ? 1 : 0;
      options.unions.forEach(function (u) {
        option(select, u.id, '\u3000'.repeat(u.depth) + u.name + '（' + u.level + '）');
      });
    });
    $('f-state').length = 1;
    options.states.forEach(function (s) { option($('f-state'), s.code, s.label); });
    $('f-outcome').length = 1;
    options.outcomes.forEach(function (o) { option($('f-outcome'), o.code, o.label); });
    var thisYear = new Date().getFullYear();
    [$('s-year'), $('c-year')].forEach(function (select) {
      select.length = 0;
      for (var y = thisYear; y >= thisYear - 9; y--) { option(select, y, y + ' 年'); }
    });
  }

  // ---- routing: #search, #case/<id>, #statistics, #cross-checks, #chain, #exports --------------------------
  function route() {
    var hash = location.hash.replace(/^#/, '') || 'search';
    var tab = hash.indexOf('case/') === 0 ? 'case' : hash;
    document.querySelectorAll('.tab').forEach(function (section) { section.hidden = section.id !== 'tab-' + tab; });
    document.querySelectorAll('#tabs a').forEach(function (a) {
      a.classList.toggle('active', a.dataset.tab === tab || (tab === 'case' && a.dataset.tab === 'search'));
    });
    showMessage('');
    if (tab === 'case') { openCase(decodeURIComponent(hash.substring(5))); }
    if (tab === 'search' && !state.searched) { search(0); }
    if (tab === 'statistics') { statistics(); }
    if (tab === 'cross-checks') { crossChecks(); }
    if (tab === 'exports') { exportsList(); }
  }

  // ---- search -----------------------------------------------------------------------------------------------
  function criteriaFromForm() {
    var criteria = {};
    new FormData($('search-form')).forEach(function (value, key) { criteria[key] = value; });
    return criteria;
  }

  function search(page) {
    showMessage('');
    state.searched = true;
    state.page = page;
    var asked = state.searchSeq = (state.searchSeq || 0) + 1;
    var criteria = Object.assign({}, state.criteria, { page: page, size: state.size });
    get(API + '/cases' + query(criteria)).then(function (result) {
      if (asked !== state.searchSeq) { return; } // a later search was asked for meanwhile: show that one
      var byState = result.byState || {};
      var byOutcome = result.byOutcome || {};
      var outcomes = (state.options.outcomes || []).filter(function (o) { return byOutcome[o.code]; })
        .map(function (o) { return o.label + ' ' + byOutcome[o.code]; });
      $('search-counts').textContent = '共 ' + result.total + ' 件：办理中 ' + (byState.RUNNING || 0) + '，已办结 '
        + (byState.ENDED || 0) + (outcomes.length ? '（' + outcomes.join('，') + '）' : '');
      fillRows('search-results', result.rows, function (r) {
        var link = el('a', r.caseNumber || '（未编号）');
        link.href = '#case/' + encodeURIComponent(r.processInstanceId);
        return [link, r.programme, r.grassrootsUnion, r.districtUnion, r.applicant, r.amount, r.state, r.outcome,
          r.lastStep, r.startedOn, r.endedAt];
      });
      var pages = Math.max(result.pages, 1);
      $('page-info').textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页';
      $('page-prev').disabled = page <= 0;
      $('page-next').disabled = page + 1 >= pages;
    }).catch(fail);
  }

  // ---- one case ---------------------------------------------------------------------------------------------
  function openCase(id) {
    var asked = state.caseSeq = (state.caseSeq || 0) + 1;
    $('case-body').hidden = true;
    ['case-title', 'case-facts', 'case-diagram', 'case-timeline', 'case-dossier'].forEach(function (x) { $(x).innerHTML = ''; });
    get(API + '/cases/' + encodeURIComponent(id)).then(function (view) {
      if (asked !== state.caseSeq) { return null; }
      $('case-body').hidden = false;
      var c = view.case;
      state.caseId = id;
      $('case-title').textContent = (c.caseNumber || '（未编号）') + ' · ' + c.programme;
      var facts = [['基层工会', c.grassrootsUnion], ['区/县工会', c.districtUnion], ['申请人', c.applicant],
        ['金额（元）', c.amount], ['办理状态', c.state], ['办理结果', c.outcome], ['受理日期', c.startedOn],
        ['办结时间', c.endedAt], ['当前所在', (view.waitingAt || []).join('、')]];
      facts.forEach(function (f) { $('case-facts').appendChild(el('dt', f[0])); $('case-facts').appendChild(el('dd', f[1])); });
      view.signOffs.forEach(function (s) { $('case-timeline').appendChild(signOff(s)); });
      if (view.signOffs.length === 0) { $('case-timeline').appendChild(el('li', '（尚无签署记录）')); }
      fillRows('case-activities', view.activities, function (a) {
        return [a.name + (a.canceled ? '（已取消）' : ''), a.type, a.startedAt, a.endedAt || '进行中', a.worker];
      });
      fillRows('case-timers', view.timers, function (t) { return [t.activity, t.firedAt]; });
      fillRows('case-operations', view.operations, function (o) {
        // the old value too, where there was one: 原值 → 新值
        var change = o.orgValue && o.newValue ? o.orgValue + ' → ' + o.newValue
          : o.newValue ? '→ ' + o.newValue : o.orgValue ? o.orgValue + ' →（空）' : '';
        var what = o.entity + (o.property ? '：' + o.property : '') + (change ? ' ' + change : '');
        return [o.at, o.operation, what, o.actor, o.annotation];
      });
      fillRows('case-interventions', view.interventions, function (i) {
        return [i.occurredAt, i.operation, i.detail || ((i.property || '') + (i.newValue ? ' → ' + i.newValue : '')),
          i.actor, i.annotation];
      });
      view.dossier.forEach(function (section) { $('case-dossier').appendChild(dossierSection(section)); });
      if (view.dossier.length === 0) { $('case-dossier').appendChild(el('p', '（本案未涉及其他档案）')); }
      fillRows('case-disbursements', view.disbursements, function (d) { return [d.payee, d.amount, d.status, d.createdAt, d.bankHistory]; });
      return fetch(API + '/cases/' + encodeURIComponent(id) + '/diagram.svg',
        { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    }).then(function (response) {
      if (response && response.ok && asked === state.caseSeq) { return response.text(); }
      return null;
    }).then(function (svg) {
      if (svg) { $('case-diagram').innerHTML = svg; }
    }).catch(fail);
  }

  function signOff(s) {
    var li = el('li', undefined, 'sign-off');
    var head = el('div', undefined, 'head');
    head.appendChild(el('span', s.decidedAt ? s.decidedAt.replace('T', ' ').substring(0, 19) : '', 'when'));
    head.appendChild(el('strong', s.step));
    head.appendChild(el('span', s.decision, 'decision'));
    li.appendChild(head);
    li.appendChild(el('div', s.actor + '（' + text(s.union) + ' · ' + text(s.role) + '）', 'who'));
    if (s.opinion) { li.appendChild(el('div', '意见：' + s.opinion, 'opinion')); }
    if (s.findings) { li.appendChild(el('div', '核实情况：' + s.findings, 'findings')); }
    if (s.category || s.amount) {
      li.appendChild(el('div', [s.category ? '类别：' + s.category : '', s.amount ? '金额：' + s.amount + ' 元' : '']
        .filter(Boolean).join('　'), 'values'));
    }
    if (s.seen && s.seen.length) {
      var details = document.createElement('details');
      details.appendChild(el('summary', '签署时所见（' + s.seen.length + ' 项）'));
      var dl = el('dl', undefined, 'facts small');
      s.seen.forEach(function (r) { dl.appendChild(el('dt', r.item)); dl.appendChild(el('dd', r.value)); });
      details.appendChild(dl);
      li.appendChild(details);
    }
    return li;
  }

  function dossierSection(section) {
    var wrap = el('div', undefined, 'dossier');
    wrap.appendChild(el('h4', section.title));
    var table = el('table', undefined, 'grid small');
    var head = el('tr');
    section.columns.forEach(function (c) { head.appendChild(el('th', c)); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    section.rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (v) { tr.appendChild(el('td', v)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }

  // ---- statistics -------------------------------------------------------------------------------------------
  function chart(id, title, categories, series, horizontal, money) {
    if (!window.echarts) { return; }
    var node = $(id);
    var existing = echarts.getInstanceByDom(node);
    if (existing) { existing.dispose(); }
    var c = echarts.init(node);
    var categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
    // counts are whole numbers: no 0.2 件 ticks
    var valueAxis = { type: 'value', minInterval: money ? 0 : 1 };
    c.setOption({
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 10, right: 20, top: 40, bottom: 40, containLabel: true }, // long names are not cut
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
    });
  }

  function statistics() {
    showMessage('');
    var criteria = { year: $('s-year').value, union: $('s-union').value };
    get(API + '/statistics' + query(criteria)).then(function (stats) {
      var t = stats.totals;
      $('stats-totals').textContent = stats.year + ' 年 · ' + stats.union.name
        + (stats.union.level === 'GRASSROOTS' ? '' : '（含下级单位）') + '：共受理 ' + t.cases
        + ' 件，通过 ' + t.approved + ' 件，未通过 ' + t.rejected + ' 件，撤回 ' + t.withdrawn + ' 件，其他办结 '
        + t.other + ' 件，办理中 ' + t.running + ' 件；通过案件核定金额合计 ' + t.amount + ' 元';
      $('stats-overdue-count').textContent = '（共 ' + stats.overdueOpenCount + ' 个'
        + (stats.overdueOpenCount > stats.overdueOpen.length ? '，列出最早到期的 ' + stats.overdueOpen.length + ' 个' : '')
        + '）';
      var months = stats.byMonth.map(function (m) { return m.month + '月'; });
      chart('chart-month', '按月：受理、通过与未通过（件）', months, [
        { name: '受理', data: stats.byMonth.map(function (m) { return m.cases; }) },
        { name: '通过', data: stats.byMonth.map(function (m) { return m.approved; }) },
        { name: '未通过', data: stats.byMonth.map(function (m) { return m.rejected; }) }]);
      chart('chart-programme', '按业务：受理、通过与未通过（件）', stats.byProgramme.map(function (p) { return p.programme; }), [
        { name: '受理', data: stats.byProgramme.map(function (p) { return p.cases; }) },
        { name: '通过', data: stats.byProgramme.map(function (p) { return p.approved; }) },
        { name: '未通过', data: stats.byProgramme.map(function (p) { return p.rejected; }) }], true);
      chart('chart-money', '按业务：通过案件核定金额（元）', stats.byProgramme.map(function (p) { return p.programme; }), [
        { name: '核定金额', data: stats.byProgramme.map(function (p) { return Number(p.amount); }) }], true, true);
      chart('chart-union', '按单位：受理与通过（件）', stats.byUnion.map(function (u) { return u.union; }), [
        { name: '受理', data: stats.byUnion.map(function (u) { return u.cases; }) },
        { name: '通过', data: stats.byUnion.map(function (u) { return u.approved; }) }], true);
      chart('chart-steps', '各环节平均用时（小时）', stats.steps.map(function (s) {
        return s.programme + '·' + s.step; // the same step name can belong to two programmes
      }), [
        { name: '平均用时', data: stats.steps.map(function (s) { return s.avgHours; }) }], true, true);
      fillRows('stats-steps', stats.steps, function (s) {
        return [s.programme, s.step, s.completed, s.avgHours, s.maxHours, s.overdue];
      });
      fillRows('stats-overdue', stats.overdueOpen, function (o) {
        var link = el('a', o.caseNumber || '（未编号）');
        link.href = '#case/' + encodeURIComponent(o.processInstanceId);
        return [link, o.programme, o.step, o.dueDate, o.daysOverdue, o.union];
      });
    }).catch(fail);
  }

  // ---- cross-programme check --------------------------------------------------------------------------------
  function crossChecks() {
    showMessage('');
    get(API + '/cross-checks' + query({ year: $('c-year').value })).then(function (checks) {
      $('cross-several-count').textContent = '（' + checks.severalProgrammesCount + ' 人）';
      $('cross-households-count').textContent = '（' + checks.householdInTwoUnionsCount + ' 人）';
      fillRows('cross-several', checks.severalProgrammes, function (p) {
        return [p.person, p.name, p.programmes.join('、'), p.count, p.total, p.items.map(function (i) {
          return text(i.caseNumber) + ' ' + i.programme + ' ' + i.amount + ' 元（' + text(i.union) + '，' + i.status + '）';
        }).join('；')];
      });
      fillRows('cross-households', checks.householdInTwoUnions, function (h) {
        return [h.person, h.name, h.unions.join('、'), h.files.map(function (f) {
          return f.fileNumber + '（' + f.union + '，' + f.status + '，户主 ' + text(f.householdHead) + '）';
        }).join('；')];
      });
    }).catch(fail);
  }

  // ---- chain verification and exports ------------------------------------------------------------------------
  function verifyChain() {
    $('chain-result').textContent = '正在校验…';
    request('POST', API + '/chain-verification').then(function (r) {
      $('chain-result').textContent = r.result + '（已校验 ' + r.rowsChecked + ' 条，待封存 ' + r.rowsUnsealed + ' 条）';
      $('chain-result').className = 'result ' + (r.intact ? 'ok' : 'broken');
    }).catch(function (e) { $('chain-result').textContent = ''; fail(e); });
  }

  function exportsList() {
    get(API + '/exports').then(function (reply) {
      fillRows('exports-list', reply.exports, function (r) {
        return [r.exportedAt, r.kindLabel + '：' + r.description, r.rowCount];
      });
    }).catch(fail);
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', W.login);
    $('logout').addEventListener('click', W.logout);
    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      state.criteria = criteriaFromForm();
      search(0);
    });
    $('search-form').addEventListener('reset', function () {
      state.criteria = {};
      setTimeout(function () { search(0); }, 0);
    });
    $('search-export').addEventListener('click', function () {
      // the file holds what the form asks for; the table is brought in line first, so both show the same cases
      var criteria = criteriaFromForm();
      if (query(criteria) !== query(state.criteria)) {
        state.criteria = criteria;
        search(0);
      }
      download(API + '/cases.xlsx' + query(criteria), '案件查询结果.xlsx');
    });
    $('case-export').addEventListener('click', function () {
      download(API + '/cases/' + encodeURIComponent(state.caseId) + '/trail.xlsx', '案件轨迹.xlsx');
    });
    $('page-prev').addEventListener('click', function () { search(state.page - 1); });
    $('page-next').addEventListener('click', function () { search(state.page + 1); });
    $('stats-form').addEventListener('submit', function (event) { event.preventDefault(); statistics(); });
    $('cross-form').addEventListener('submit', function (event) { event.preventDefault(); crossChecks(); });
    $('chain-verify').addEventListener('click', verifyChain);
    window.addEventListener('hashchange', route);
    start();
  });
})();
