/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // ---- union-assist (工会帮扶审批平台) --------------------------------------------------------------
  // This file replaces the config.js shipped in camunda-webapp-webjar 7.24.0; everything below the
  // union-assist block is the shipped file unchanged. On a Camunda upgrade, compare with the new
  // shipped file (docs/operations.md).
  //
  // Header and page title read "<vendor> <name>", the login page shows <name>.
  app: {
    name: '流程监控',
    vendor: '工会帮扶审批平台'
  },
  // The app takes the first language of the browser, cut at "-" and lower-cased (zh-CN -> zh), if it is
  // listed here, and the fallback otherwise. locales/zh.json is the project's translation.
  locales: {
    availableLocales: ['zh', 'en', 'de'],
    fallbackLocale: 'zh'
  },
  // Three AngularJS modules in app/cockpit/union-assist/ (loaded before Cockpit starts): read-only.js hides the write
  // actions from users who may not change process instances (auditors) and spares them the task report they may
  // not read; chinese-labels.js words in Chinese what Cockpit writes in English outside its locales;
  // audit-link.js adds 审计工作台 (the auditors' workspace page, /audit/) and 付款工作台 (the payments workspace,
  // /payments/) to the top navigation.
  requireJsConfig: {
    ngDeps: ['unionAssist.readOnlyCockpit', 'unionAssist.cockpitChinese', 'unionAssist.auditWorkspaceLink'],
    deps: ['union-assist-read-only', 'union-assist-chinese-labels', 'union-assist-audit-link'],
    paths: {
      'union-assist-read-only': 'union-assist/read-only',
      'union-assist-chinese-labels': 'union-assist/chinese-labels',
      'union-assist-audit-link': 'union-assist/audit-link'
    }
  },
  // ---- end of union-assist block; the shipped configuration follows -------------------------------
  // // change the app name and vendor
  // app: {
  //   name: 'Operations',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'cockpit' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `cockpit` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // historicActivityInstanceMetrics: {
  //   adjustablePeriod: true,
  //   //select from the default time period: day, week, month, complete
  //   period: {
  //     unit: 'week'
  //   }
  // },
  // runtimeActivityInstanceMetrics: {
  //   display: true
  // },
  // 'locales': {
  //   'availableLocales': ['en', 'de'],
  //   'fallbackLocale': 'en'
  // },
  // skipCustomListeners: {
  //   default: true,
  //   hidden: false
  // },
  // skipIoMappings: {
  //   default: true,
  //   hidden: false
  // },
  // cascade: {
  //   default: false
  // },
  // 'batchOperation' : {
  //   // select mode of query for process instances or decision instances
  //   // possible values: filter, search
  //   'mode': 'filter',
  //
  //   // select if Historic Batches should be loaded automatically when navigating to #/batch
  //   'autoLoadEnded': true
  // },
  // bpmnJs: {
  //   moddleExtensions: {
  //     // if you have a folder called 'my-custom-moddle' (in the 'cockpit' folder)
  //     // with a file called 'camunda.json' in it defining the 'camunda' moddle extension
  //     camunda: 'my-custom-moddle/camunda'
  //   },
  //   additionalModules: [
  //     // if you have a folder called 'my-custom-module' (in the 'cockpit' folder)
  //     // with a file called 'module.js' in it
  //     'my-custom-module/module'
  //   ],
  // },
  // defaultFilter: {
  //   historicProcessDefinitionInstancesSearch: {
  //     lastDays: 5,
  //     event: 'started'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // userOperationLogAnnotationLength: 5000,
  // previewHtml: true
};
