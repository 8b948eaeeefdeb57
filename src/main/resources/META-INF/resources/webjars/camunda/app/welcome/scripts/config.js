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
    name: '欢迎',
    vendor: '工会帮扶审批平台'
  },
  // The app takes the first language of the browser, cut at "-" and lower-cased (zh-CN -> zh), if it is
  // listed here, and the fallback otherwise. locales/zh.json is the project's translation.
  locales: {
    availableLocales: ['zh', 'en', 'de'],
    fallbackLocale: 'zh'
  },
  // The welcome page's links; Camunda's default is its own documentation. 文档 (Documentation) is the project's
  // user guide, docs/user-guide.md, which the app serves as a page (org.unionassist.guide.GuidePages). Labels are
  // translation keys or plain text; the guide is in Chinese, so its description is too, in every language.
  links: [
    {
      label: 'DOCUMENTATION',
      href: '/docs/user-guide.html',
      description: '经办人使用指南（中文）'
    },
    {
      label: '审计工作台',
      href: '/audit/',
      description: '经费审查委员：查询各项业务的全部案件（含已办结），查看签署记录、流程图，导出 Excel，统计图表与交叉核查'
    },
    {
      label: '付款工作台',
      href: '/payments/',
      description: '市总工会经办人、审批人和经审委员：付款批次明细，下载银行批量代付文件，导入银行回单，更正支付失败的银行卡，付款对账'
    }
  ],
  // ---- end of union-assist block; the shipped configuration follows -------------------------------
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
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
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
