/*
 * union-assist (工会帮扶审批平台): Cockpit shows its write actions only to those who may use them.
 *
 * Cockpit 7.24 offers every user who may open it the same buttons (delete, suspend, retry, edit or add a variable,
 * reassign a task, change the history time to live, delete a deployment) and lets the engine refuse them with a raw
 * English error. Auditors (<union>-auditor) read everything in their jurisdiction and change nothing, so for them
 * those buttons are noise that ends in an error.
 *
 * After each login this AngularJS module (loaded through requireJsConfig in ../scripts/config.js) asks the engine
 * two questions about the user (GET .../authorization/check, resource-wide, i.e. on "*"):
 *   - may they change process instances (UPDATE on every process instance: the camunda-admin group)? If not, the
 *     page carries the class ua-read-only and ../styles/user-styles.css hides the write controls;
 *   - may they read every task (READ on every task)? The 人工任务 page's "by group" report counts all tasks of all
 *     unions, so the engine requires exactly that; for anyone else the report is not asked for (no error) and the
 *     page carries ua-without-task-report, which hides its empty panel.
 * Until the engine has answered, the page is read-only: nobody sees a button they may not use. Dialogs that have a
 * read-only mode (a Json variable's value) open in it for read-only users.
 *
 * This only hides what the engine would refuse anyway: the engine's authorizations (OrganisationSetup, CaseAccess)
 * stay the guard (CaseAuthorizationTest, AuditorsChangeNothingOverRestTest).
 */
define(['angular'], function (angular) {
  'use strict';

  var READ_ONLY = 'ua-read-only';
  var WITHOUT_TASK_REPORT = 'ua-without-task-report';
  var TASK_REPORT = /task\/report\/candidate-group-count/;
  var NOBODY = { mayChange: false, mayReadAllTasks: false };

  function mark(rights) {
    var root = angular.element(document.documentElement);
    root.toggleClass(READ_ONLY, !rights.mayChange);
    root.toggleClass(WITHOUT_TASK_REPORT, !rights.mayReadAllTasks);
  }

  var module = angular.module('unionAssist.readOnlyCockpit', ['camunda.common.services', 'ui.bootstrap']);

  /** The current user's rights, asked once per login; a promise, so that the task report can wait for it. */
  module.factory('unionAssistRights', ['$http', '$q', 'Uri', function ($http, $q, Uri) {
    var user = null;
    var rights = $q.resolve(NOBODY);
    var known = NOBODY;

    function may(permissionName, resourceName, resourceType) {
      return $http.get(Uri.appUri('engine://engine/:engine/authorization/check'), {
        params: { permissionName: permissionName, resourceName: resourceName, resourceType: resourceType }
      }).then(function (response) {
        return response.data.authorized === true;
      }, function () {
        return false;
      });
    }

    return {
      /** Called whenever the logged-in user changes (null after a logout). */
      userChanged: function (userId) {
        if (userId === user) {
          return rights;
        }
        user = userId;
        known = NOBODY;
        var asked = rights = !userId ? $q.resolve(NOBODY) : $q.all({
          mayChange: may('UPDATE', 'process-instance', 8),
          mayReadAllTasks: may('READ', 'task', 7)
        });
        asked.then(function (answer) {
          if (rights === asked) { // not replaced by a later login meanwhile
            known = answer;
          }
        });
        return asked;
      },
      current: function () {
        return rights;
      },
      /** What is known now: nothing is allowed until the engine has answered. */
      known: function () {
        return known;
      }
    };
  }]);

  module.config(['$provide', function ($provide) {
    // The 人工任务 page asks for the report through Camunda's SDK client (not $http), so the gate sits there.
    $provide.decorator('camAPIHttpClient', ['$delegate', '$injector', function (HttpClient, $injector) {
      var get = HttpClient.prototype.get;
      HttpClient.prototype.get = function (path, options) {
        if (!TASK_REPORT.test(path)) {
          return get.apply(this, arguments);
        }
        var client = this;
        var args = arguments;
        return $injector.get('unionAssistRights').current().then(function (rights) {
          if (rights.mayReadAllTasks) {
            return get.apply(client, args);
          }
          if (options && angular.isFunction(options.done)) {
            options.done(null, []);
          }
          return [];
        });
      };
      return HttpClient;
    }]);

    // Dialogs that can be read-only (a Json variable's value, opened from the variables table) open read-only.
    $provide.decorator('$uibModal', ['$delegate', '$injector', function ($uibModal, $injector) {
      var open = $uibModal.open;
      $uibModal.open = function (options) {
        if (options && options.resolve && 'readonly' in options.resolve
            && !$injector.get('unionAssistRights').known().mayChange) {
          options.resolve.readonly = function () {
            return true;
          };
        }
        return open.apply(this, arguments);
      };
      return $uibModal;
    }]);
  }]);

  module.run(['$rootScope', 'unionAssistRights', function ($rootScope, unionAssistRights) {
    mark(NOBODY);
    $rootScope.$watch(function () {
      return $rootScope.authentication ? $rootScope.authentication.name : null;
    }, function (userId) {
      mark(NOBODY);
      var asked = unionAssistRights.userChanged(userId);
      asked.then(function () {
        mark(unionAssistRights.known());
      });
    });
  }]);

  return module;
});
