/*
 * union-assist (工会帮扶审批平台): Chinese wording for the validation messages of Camunda Forms in Tasklist.
 *
 * The form-js viewer bundled with Camunda 7.24 writes its validation messages in English only
 * ("Field is required.", "Field must match pattern ^[0-9]{17}[0-9Xx]$.") and has no setting to change them.
 * Loaded through customScripts in ../scripts/config.js, this module watches the page and rewrites the text of
 * those messages (the <li> items inside .fjs-form-field-error) when Tasklist runs in Chinese. It changes the
 * text node in place, so form-js keeps updating the same node when a message changes, and it touches nothing
 * else. It also words form-js's own widgets (添加一行 for "Add new", 请选择 for "Select", the date placeholder). An
 * English browser keeps the English texts.
 *
 * On a Camunda upgrade, the browser test TasklistInChineseBrowserTest fails if form-js changes its wording.
 */
import config from '../scripts/config.js';

const MESSAGES = [
  [/^Field is required\.$/, '此项为必填项。'],
  [/^Field must match pattern [\s\S]*\.$/, '格式不正确，请按该项下方的说明填写。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must have minimum length of (.+)\.$/, '至少填写 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '最多填写 $1 个字符。'],
  [/^Field must be a valid +international phone number\..*$/, '请填写有效的国际电话号码（例如 +8613800138000）。'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, '请填写数字。'],
  [/^Value is expected to be an integer\.$/, '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    '请填写有效的数值，最接近的两个有效值是 $1 和 $2。']
];

/** The locale Tasklist itself picks (first browser language, cut at "-", else the fallback). */
function tasklistLocale() {
  const locales = (config && config.locales) || {};
  const available = locales.availableLocales || ['en'];
  const nav = window.navigator;
  const first = ((Array.isArray(nav.languages) && nav.languages[0]) || nav.language || '').split('-')[0].toLowerCase();
  return available.indexOf(first) > -1 ? first : (locales.fallbackLocale || 'en');
}

export function toChinese(message) {
  for (const [english, chinese] of MESSAGES) {
    if (english.test(message)) {
      return message.replace(english, chinese);
    }
  }
  return message;
}

// the fixed words of form-js's own widgets: dynamic lists, selects, searches, date pickers
const WIDGET_TEXTS = [
  ['.fjs-repeat-render-add', /^Add new$/, '添加一行'],
  ['.fjs-repeat-render-collapse', /^Collapse$/, '收起'],
  ['.fjs-repeat-render-collapse', /^Expand all \((\d+)\)$/, '展开全部（$1）'],
  ['.fjs-select-placeholder', /^Select$/, '请选择'],
  ['.fjs-dropdownlist-empty', /^No results$/, '没有匹配的选项'],
  ['.fjs-dropdownlist-empty', /^All values selected$/, '已全部选择'],
  // a table's pages ("1 of 3") and an empty table
  ['.fjs-table-nav-label', /^of$/, ' / '],
  ['.fjs-table-empty, .fjs-table-td', /^Nothing to show\.$/, '暂无数据']
];
// the date picker's calendar (flatpickr inside form-js) names months and weekdays in English
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
MONTHS.forEach((month, i) => WIDGET_TEXTS.push(['.flatpickr-monthDropdown-month, .flatpickr-current-month .cur-month',
  new RegExp('^' + month + '$'), (i + 1) + '月']));
['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].forEach((day, i) => WIDGET_TEXTS.push(['.flatpickr-weekday',
  new RegExp('^' + day + '$'), '日一二三四五六'.charAt(i)]));
const PLACEHOLDERS = [
  ['.fjs-form input[placeholder="Search"]', '搜索'],
  ['.fjs-timepicker input', '时:分，如 09:30']
];

/**
 * form-js reads and writes dates in the format of the browser's default locale (Intl "default"), which is the
 * operating system's and often en-US (mm/dd/yyyy) even where the browser asks for Chinese pages. When Tasklist runs
 * in Chinese, the default locale of Intl.DateTimeFormat becomes zh-CN, so a date is typed and shown as 2026/3/1 and
 * the placeholder says so.
 */
function chineseDates() {
  const Native = Intl.DateTimeFormat;
  const chinese = function (locales, options) {
    return new Native(locales === undefined || locales === 'default' ? 'zh-CN' : locales, options);
  };
  chinese.prototype = Native.prototype;
  chinese.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  Intl.DateTimeFormat = chinese;
  PLACEHOLDERS.push(['.fjs-datepicker input.fjs-input', '年/月/日，如 ' + new Native('zh-CN').format(new Date(2026, 2, 1))]);
}

function translateWidgets(root) {
  WIDGET_TEXTS.forEach(([selector, english, chinese]) => {
    root.querySelectorAll(selector).forEach((element) => {
      element.childNodes.forEach((node) => {
        if (node.nodeType === Node.TEXT_NODE && english.test(node.data.trim())) {
          node.data = node.data.trim().replace(english, chinese);
        }
      });
    });
  });
  PLACEHOLDERS.forEach(([selector, chinese]) => {
    root.querySelectorAll(selector).forEach((input) => {
      if (input.getAttribute('placeholder') !== chinese) {
        input.setAttribute('placeholder', chinese);
      }
    });
  });
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    item.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const chinese = toChinese(node.data);
        if (chinese !== node.data) {
          node.data = chinese;
        }
      }
    });
  });
}

if (tasklistLocale() === 'zh') {
  chineseDates();
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      // once per animation frame at most, after form-js has rendered
      window.requestAnimationFrame(() => {
        scheduled = false;
        translateErrors(document);
        translateWidgets(document);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder'] });
}

// a custom script may export plugins; this one has none
export default [];
