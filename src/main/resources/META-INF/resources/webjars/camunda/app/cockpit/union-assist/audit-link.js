/*
 * union-assist (工会帮扶审批平台): 审计工作台 in Cockpit's top navigation, beside 流程 and 决策. CE Cockpit shows no
 * finished instances; the auditors' workspace (/audit/, a page of the app behind the same login) searches and shows
 * every case of every programme, running or finished. Beside it 付款工作台 (/payments/, the city union's payment
 * batches, bank results and reconciliation, which the city's auditors read). The links leave Cockpit; the pages use
 * the same session.
 *
 * Loaded through requireJsConfig in ../scripts/config.js.
 */
define(['angular'], function (angular) {
  'use strict';

  var module = angular.module('unionAssist.auditWorkspaceLink', []);
  module.config(['ViewsProvider', function (ViewsProvider) {
    ViewsProvider.registerDefaultView('cockpit.navigation', {
      id: 'union-assist-audit-workspace',
      label: '审计工作台',
      pagePath: '/audit/',
      template: '<!-- nothing to show, but needed -->',
      controller: function () {},
      checkActive: function () { return false; },
      priority: 80
    });
    ViewsProvider.registerDefaultView('cockpit.navigation', {
      id: 'union-assist-payment-workspace',
      label: '付款工作台',
      pagePath: '/payments/',
      template: '<!-- nothing to show, but needed -->',
      controller: function () {},
      checkActive: function () { return false; },
      priority: 79
    });
  }]);
  return module;
});
