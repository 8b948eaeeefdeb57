package org.unionassist.guide;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown the project's own docs are written in, as HTML: headings (with GitHub's anchor ids), paragraphs, lists
 * (nested by indentation, with images or paragraphs inside an item), tables, fenced code, quotes, rules, and inline
 * code, bold, italics, links and images. Not a general CommonMark renderer (none is on the classpath, and the docs
 * need no more); text is always HTML-escaped. Relative links to other {@code .md} pages point to their {@code .html}.
 */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^( *)([-*+]|\\d+[.)])\\s+(.*)$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(([^)\\s]+)(?:\\s+&quot;(.*?)&quot;)?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern AUTOLINK = Pattern.compile("&lt;(https?://[^\\s&]+)&gt;");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?![\\s*])(.+?)(?<![\\s*])\\*(?![*\\w])");
    private static final Pattern CJK_LINE_BREAK = Pattern.compile(
            "(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])\n(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])");
    private static final Pattern MARKDOWN_PAGE = Pattern.compile("^(?![a-z]+:|/|#)(.*?)\\.md(#.*)?$");

    private Markdown() {
    }

    static String toHtml(String markdown) {
        StringBuilder html = new StringBuilder();
        blocks(List.of(markdown.replace("\r\n", "\n").replace('\t', ' ').split("\n", -1)), false, html);
        return html.toString();
    }

    /** The first level-1 heading's text, or null. */
    static String title(String markdown) {
        for (String line : markdown.split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && heading.group(1).length() == 1) {
                return heading.group(2);
            }
        }
        return null;
    }

    /** @param tight paragraphs without {@code <p>}: the single-line items of a list without blank lines */
    private static void blocks(List<String> lines, boolean tight, StringBuilder html) {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (line.isBlank()) {
                i++;
            } else if (FENCE.matcher(line).matches()) {
                int end = i + 1;
                while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) {
                    end++;
                }
                html.append("<pre><code>").append(escape(String.join("\n", lines.subList(i + 1, end))))
                        .append("</code></pre>\n");
                i = end + 1;
            } else if (heading.matches()) {
                int level = heading.group(1).length();
                String text = heading.group(2);
                html.append("<h").append(level).append(" id=\"").append(escape(slug(text))).append("\">")
                        .append(inline(text)).append("</h").append(level).append(">\n");
                i++;
            } else if (line.trim().startsWith("|") && i + 1 < lines.size()
                    && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                int end = i + 2;
                while (end < lines.size() && lines.get(end).trim().startsWith("|")) {
                    end++;
                }
                table(lines.subList(i, end), html);
                i = end;
            } else if (LIST_ITEM.matcher(line).matches()) {
                i = list(lines, i, html);
            } else if (line.trim().startsWith(">")) {
                List<String> quoted = new ArrayList<>();
                while (i < lines.size() && lines.get(i).trim().startsWith(">")) {
                    quoted.add(lines.get(i).trim().substring(1).replaceFirst("^ ", ""));
                    i++;
                }
                html.append("<blockquote>\n");
                blocks(quoted, false, html);
                html.append("</blockquote>\n");
            } else if (RULE.matcher(line).matches()) {
                html.append("<hr>\n");
                i++;
            } else {
                List<String> paragraph = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).isBlank() && (paragraph.isEmpty() || !startsBlock(lines, i))) {
                    paragraph.add(lines.get(i).trim());
                    i++;
                }
                String text = inline(String.join("\n", paragraph));
                html.append(tight ? text + "\n" : "<p>" + text + "</p>\n");
            }
        }
    }

    private static boolean startsBlock(List<String> lines, int i) {
        String line = lines.get(i);
        return HEADING.matcher(line).matches() || FENCE.matcher(line).matches()
                || LIST_ITEM.matcher(line).matches() || line.trim().startsWith(">")
                || line.trim().startsWith("|") && i + 1 < lines.size()
                && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches();
    }

    /** A list starting at {@code start}; returns the index of the first line after it. */
    private static int list(List<String> lines, int start, StringBuilder html) {
        Matcher first = LIST_ITEM.matcher(lines.get(start));
        first.matches();
        int indent = first.group(1).length();
        boolean ordered = Character.isDigit(first.group(2).charAt(0));
        List<List<String>> items = new ArrayList<>();
        boolean loose = false;
        boolean blankBefore = false;
        int i = start;
        while (i < lines.size()) {
            Matcher item = LIST_ITEM.matcher(lines.get(i));
            if (!item.matches() || item.group(1).length() != indent
                    || Character.isDigit(item.group(2).charAt(0)) != ordered) {
                break;
            }
            loose |= blankBefore; // a blank line between two items
            int contentIndent = indent + item.group(2).length() + 1;
            List<String> content = new ArrayList<>(List.of(item.group(3)));
            i++;
            while (i < lines.size()) {
                String line = lines.get(i);
                int lineIndent = line.length() - line.stripLeading().length();
                if (line.isBlank()) {
                    content.add("");
                } else if (lineIndent > indent) {
                    content.add(line.substring(Math.min(lineIndent, contentIndent)));
                } else if (!content.get(content.size() - 1).isBlank() && !startsBlock(lines, i)) {
                    content.add(line.trim()); // a paragraph's lazy continuation
                } else {
                    break;
                }
                i++;
            }
            int last = content.size();
            while (last > 1 && content.get(last - 1).isBlank()) {
                last--;
            }
            blankBefore = last < content.size();
            List<String> kept = content.subList(0, last);
            loose |= kept.stream().anyMatch(String::isBlank);
            items.add(kept);
        }
        html.append(ordered ? "<ol>\n" : "<ul>\n");
        for (List<String> item : items) {
            html.append("<li>");
            blocks(item, !loose, html);
            html.append("</li>\n");
        }
        html.append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static void table(List<String> rows, StringBuilder html) {
        html.append("<table>\n<thead>\n");
        row(rows.get(0), "th", html);
        html.append("</thead>\n<tbody>\n");
        for (String row : rows.subList(2, rows.size())) {
            row(row, "td", html);
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void row(String row, String cell, StringBuilder html) {
        String cells = row.trim();
        cells = cells.substring(1, cells.endsWith("|") && cells.length() > 1 ? cells.length() - 1 : cells.length());
        html.append("<tr>");
        for (String text : cells.split("(?<!\\\\)\\|", -1)) {
            html.append('<').append(cell).append('>').append(inline(text.trim().replace("\\|", "|")))
                    .append("</").append(cell).append('>');
        }
        html.append("</tr>\n");
    }

    /** Inline markup; code spans are taken literally. */
    static String inline(String text) {
        StringBuilder html = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(text);
        int from = 0;
        while (code.find()) {
            html.append(spans(text.substring(from, code.start())))
                    .append("<code>").append(escape(code.group(2).strip())).append("</code>");
            from = code.end();
        }
        return html.append(spans(text.substring(from))).toString();
    }

    private static String spans(String text) {
        String html = escape(text);
        html = IMAGE.matcher(html).replaceAll(m -> Matcher.quoteReplacement("<img src=\"" + m.group(2) + "\" alt=\""
                + m.group(1) + "\"" + (m.group(3) == null ? "" : " title=\"" + m.group(3) + "\"") + ">"));
        html = LINK.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                "<a href=\"" + pageLink(m.group(2)) + "\">" + m.group(1) + "</a>"));
        html = AUTOLINK.matcher(html).replaceAll("<a href=\"$1\">$1</a>");
        html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
        html = ITALIC.matcher(html).replaceAll("<em>$1</em>");
        // a line break inside a paragraph is a space, except between two Chinese characters
        return CJK_LINE_BREAK.matcher(html).replaceAll("").replace("\n", " ");
    }

    private static String pageLink(String href) {
        Matcher page = MARKDOWN_PAGE.matcher(href);
        return page.matches() ? page.group(1) + ".html" + (page.group(2) == null ? "" : page.group(2)) : href;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens (letters of any script kept). */
    static String slug(String heading) {
        String text = heading.replaceAll("`|\\*\\*|\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
