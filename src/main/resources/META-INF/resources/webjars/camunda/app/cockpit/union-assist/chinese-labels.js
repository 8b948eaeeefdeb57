/*
 * union-assist (工会帮扶审批平台): the words Cockpit writes in English whatever its language, because they are not in
 * its locales (so locales/zh.json cannot translate them).
 *
 * - The variables table (cam-widget-variables-table of camunda-commons-ui) has "Actions" hard-coded as the header
 *   of its edit column: the template is changed to use the existing key PLUGIN_VARIABLE_ACTION (操作 / Action).
 * - When Cockpit runs in Chinese, the decision tables drawn by dmn-js (决策 pages) label their clauses "When",
 *   "And", "Then", "Annotations" and "Hit policy: First", and Camunda's templates print an empty value as "null":
 *   this module watches the page and rewrites those texts in place (the text node only, so dmn-js and AngularJS
 *   keep updating the same node), as Tasklist's form-messages.js does for Camunda Forms. The incidents tab's type
 *   column ("Failed Job") is rewritten the same way. The names of data types
 *   (string, boolean, Integer ...) stay as DMN and the engine spell them.
 *
 * Loaded through requireJsConfig in ../scripts/config.js. On a Camunda upgrade, CockpitForAuditorsBrowserTest fails
 * if one of these words comes back in English.
 */
define(['angular'], function (angular) {
  'use strict';

  var HIT_POLICIES = {
    'Unique': '唯一', 'First': '首条', 'Priority': '优先级', 'Any': '任一', 'Collect': '汇总',
    'Rule order': '规则顺序', 'Output order': '输出顺序',
    'Collect (Sum)': '汇总（求和）', 'Collect (Min)': '汇总（最小值）', 'Collect (Max)': '汇总（最大值）',
    'Collect (Count)': '汇总（计数）'
  };
  /** CSS selector of an element whose whole text is one of the English words → its Chinese text. */
  var WORDS = [
    ['.tjs-container .clause', { 'When': '当', 'And': '且', 'Then': '则' }],
    ['.tjs-container th.annotation', { 'Annotations': '备注' }],
    ['.tjs-container .hit-policy .dms-label', { 'Hit policy:': '命中策略：' }],
    ['.tjs-container .hit-policy-value', HIT_POLICIES],
    ['.null-value', { 'null': '无' }],
    // the incidents tab prints the type of a failed job from code (getIncidentType), not from the locales
    ['table.incidents-tab td.type', { 'Failed Job': '作业失败', 'failedExternalTask': '外部任务失败' }]
  ];
  var TITLES = [
    [/^Decision name: /, '决策名称：'],
    [/^Input label: /, '输入标签：'],
    [/^Input label$/, '输入标签'],
    [/^Input type$/, '输入类型'],
    [/^Output label: /, '输出标签：'],
    [/^Output label$/, '输出标签'],
    [/^Output type$/, '输出类型']
  ];

  function inChinese(root) {
    WORDS.forEach(function (entry) {
      var elements = root.querySelectorAll(entry[0]);
      for (var i = 0; i < elements.length; i++) {
        var node = elements[i].firstChild;
        if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
          var english = node.nodeValue.trim();
          if (Object.prototype.hasOwnProperty.call(entry[1], english)) {
            node.nodeValue = entry[1][english];
          }
        }
      }
    });
    var titled = root.querySelectorAll('.tjs-container [title]');
    for (var j = 0; j < titled.length; j++) {
      var title = titled[j].getAttribute('title');
      TITLES.forEach(function (rule) {
        if (rule[0].test(title)) {
          title = title.replace(rule[0], rule[1]);
          titled[j].setAttribute('title', title);
        }
      });
    }
  }

  var module = angular.module('unionAssist.cockpitChinese', ['camunda.common.widgets']);

  module.config(['$provide', function ($provide) {
    $provide.decorator('camWidgetVariablesTableDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      if (angular.isString(directive.template)) {
        directive.template = directive.template.replace(
          /(<td class="actions"\s+ng-if="editable\.length">)\s*Actions\s*(<\/td>)/,
          '$1{{ \'PLUGIN_VARIABLE_ACTION\' | translate }}$2');
      }
      return $delegate;
    }]);
  }]);

  module.run(['$translate', function ($translate) {
    function chinese() {
      return (($translate.use() || $translate.proposedLanguage() || '') + '').indexOf('zh') === 0;
    }
    var pending = false;
    new MutationObserver(function () {
      // many mutations arrive at once while a table is drawn: rewrite once per frame
      if (!pending && chinese()) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          inChinese(document.body);
        });
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }]);

  return module;
});
