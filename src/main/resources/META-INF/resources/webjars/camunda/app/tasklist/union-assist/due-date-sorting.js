/*
 * union-assist (工会帮扶审批平台): Tasklist lists a filter's tasks by due date, earliest first, unless the user
 * picks another sorting.
 *
 * The filters (TasklistFilters.java) are saved sorted by due date, but Tasklist 7.24 ignores a filter's own
 * ordering: it always sends the sorting from the URL (?sorting=[...]) and, when the URL has none, writes
 * "created, descending" there. This AngularJS module (loaded through requireJsConfig in ../scripts/config.js,
 * before Tasklist starts) puts "due date, ascending" into the URL of the task list whenever it has no sorting yet,
 * so Tasklist's own sorting control shows and keeps it, and a user's choice in that control is left alone.
 */
define(['angular'], function (angular) {
  'use strict';

  var DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

  return angular.module('unionAssist.dueDateSorting', []).run(['$rootScope', '$location',
    function ($rootScope, $location) {
      $rootScope.$on('$locationChangeStart', function () {
        if ($location.path() === '/' && !$location.search().sorting) {
          // a redirect before the route loads: the task list asks for its tasks only once, already sorted
          $location.search('sorting', DUE_DATE_FIRST).replace();
        }
      });
    }]);
});
