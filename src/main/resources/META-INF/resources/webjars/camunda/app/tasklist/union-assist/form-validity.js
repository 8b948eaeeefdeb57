/*
 * union-assist (工会帮扶审批平台): the complete / start button of a Camunda Form is greyed out exactly when a field
 * of the form shows an error, and a refused submission says in Chinese which fields to correct.
 *
 * Why: Tasklist 7.24 greys the button when form-js's "changed" event carries any key in its errors object. form-js
 * 1.8.7 stores the errors of a field inside a dynamic list under [fieldId, rowIndex] and, once the field is valid,
 * deletes only the row entry: an empty container stays under the field id for good (also after the row is removed).
 * So typing into any field of a list (其他家庭成员, 逐个录入的职工) greyed the button for the rest of the form.
 *
 * This AngularJS module (loaded through requireJsConfig in ../scripts/config.js) decorates Tasklist's Camunda Form
 * directive: when form-js reports errors, it counts the fields that actually show one instead. The final check is
 * unchanged: on submit form-js validates every field again and a form with errors is not sent.
 */
define(['angular'], function (angular) {
  'use strict';

  var FIELD_WITH_ERROR = '.fjs-form-field.fjs-has-errors';

  function fieldsWithErrors(root) {
    return Array.prototype.slice.call(root.querySelectorAll(FIELD_WITH_ERROR));
  }

  function labelOf(field) {
    var label = field.querySelector('.fjs-form-field-label');
    var text = label ? label.textContent.replace('*', '').trim() : '';
    return text || null;
  }

  /** The Chinese message for a submission that form-js refused, naming the fields to correct. */
  function refusal(root) {
    var fields = fieldsWithErrors(root);
    var labels = fields.map(labelOf).filter(function (l, i, all) { return l && all.indexOf(l) === i; });
    if (fields.length) {
      fields[0].scrollIntoView({ block: 'center' });
    }
    return {
      message: labels.length
        ? '请先更正标红的项目：' + labels.join('、')
        : '表单中有未填写或填写有误的项目，请检查后再提交'
    };
  }

  /** form-js throws its errors object ({fieldId: [messages]}) rather than an Error when validation fails. */
  function isValidationErrors(error) {
    return error && !(error instanceof Error) && typeof error === 'object' && !error.message && !error.status;
  }

  /*
   * A second fault of the same lists: a value typed just before 添加一行 (form-js applies typed values after a pause of
   * about 300 ms) arrives after the new row is drawn and draws the list again, wiping what was typed into the new row
   * in the meantime. A click on 添加一行 therefore takes effect once pending values have arrived.
   */
  var SETTLE_MS = 350;
  var passing = false;
  document.addEventListener('click', function (event) {
    var add = event.target.closest && event.target.closest('.fjs-form button.fjs-repeat-render-add');
    if (!add || passing) {
      return;
    }
    event.stopPropagation();
    event.preventDefault();
    window.setTimeout(function () {
      passing = true;
      try {
        add.click();
      } finally {
        passing = false;
      }
    }, SETTLE_MS);
  }, true);

  return angular.module('unionAssist.formValidity', []).config(['$provide', function ($provide) {
    $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      var link = directive.link;
      directive.compile = function () {
        return function (scope, element, attrs, tasklistForm) {
          var root = element[0];
          var form = Object.create(tasklistForm);
          var check = null;

          form.notifyFormValidated = function (invalid) {
            window.clearTimeout(check);
            if (!invalid) {
              tasklistForm.notifyFormValidated(false);
              return;
            }
            // after form-js has rendered the state that carried the errors
            check = window.setTimeout(function () {
              tasklistForm.notifyFormValidated(fieldsWithErrors(root).length > 0);
            }, 0);
          };

          form.registerCompletionHandler = function (handler) {
            tasklistForm.registerCompletionHandler(function (done) {
              handler(function (error, result) {
                done(isValidationErrors(error) ? refusal(root) : error, result);
              });
            });
          };

          return link.call(this, scope, element, attrs, form);
        };
      };
      return $delegate;
    }]);
  }]);
});
