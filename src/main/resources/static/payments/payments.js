// union-assist: the payments workspace page (付款工作台). Plain JavaScript against /api/payments, with the webapps'
// session (the same as the auditors' workspace); the server decides who may do what and masks every card number.
(function () {
  'use strict';

  var API = '/api/payments';
  var EXPORTS = '/api/exports/payments';
  var state = {};

  // what both workspace pages share: ../workspace/workspace.js
  var W = window.Workspace;
  var $ = W.$, el = W.el, showMessage = W.showMessage, request = W.request, get = W.get, fail = W.fail,
    query = W.query, when = W.when, fillRows = W.fillRows, download = W.download, showLogin = W.showLogin;

  W.configure({
    // the webapps' own login as Tasklist's (every clerk, chair and auditor may use Tasklist)
    loginApp: 'tasklist',
    notAllowed: '付款工作台仅供市总工会经办人、审批人和经费审查委员使用',
    downloadFailed: '下载未能完成',
    afterLogin: start
  });

  // ---- start ------------------------------------------------------------------------------------------------
  // The batches answer only to the city's staff: a user logged in who is not is told so at the login form.
  function start() {
    get(API + '/batches').then(function (batches) {
      $('login').hidden = true;
      $('workspace').hidden = false;
      $('logout').hidden = false;
      state.batches = batches;
      W.who().then(function (name) { $('who').textContent = name ? '当前用户：' + name : ''; });
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
      // only the payer downloads the bank file (of an approved batch) and imports the bank's result (until settled)
      $('bank-file-section').hidden = !b.mayDownloadBankFile;
      $('import-section').hidden = !b.mayImportResult;
      var note = b.mayImportResult ? '' : b.mayDownloadBankFile ? '本批次已结清，银行回单已全部登记。'
        : b.status === 'DRAFT' ? '本批次尚待审批，审批同意后市总工会经办人（付款人）可下载银行付款文件并导入银行回单。'
        : b.status === 'APPROVED' || b.status === 'SETTLED'
          ? '银行付款文件（含完整银行卡号）的下载和银行回单的导入仅由市总工会经办人（付款人）办理。' : '本批次未提交银行。';
      $('payer-only').textContent = note;
      $('payer-only').hidden = !note;
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
    $('login-form').addEventListener('submit', W.login);
    $('logout').addEventListener('click', W.logout);
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
