package org.unionassist.guide;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs' Markdown as HTML: what the user guide uses renders, text is escaped, links between pages stay pages. */
class MarkdownTest {

    @Test
    void headingsGetGitHubsAnchorsAndParagraphsJoinTheirLines() {
        assertThat(Markdown.toHtml("# 工会帮扶审批平台 · 使用指南\n\n## 1. 登录\n\n### A step: decision, opinion\n"))
                .isEqualTo("""
                        <h1 id="工会帮扶审批平台--使用指南">工会帮扶审批平台 · 使用指南</h1>
                        <h2 id="1-登录">1. 登录</h2>
                        <h3 id="a-step-decision-opinion">A step: decision, opinion</h3>
                        """);
        assertThat(Markdown.toHtml("本指南面向经办人。\n截图来自测试。\nSee the\nguide."))
                .isEqualTo("<p>本指南面向经办人。截图来自测试。 See the guide.</p>\n");
    }

    @Test
    void inlineMarkupCodeAndEscaping() {
        assertThat(Markdown.inline("点击 **登录**，地址 `http://localhost:8080/<app>`，*斜体* a < b"))
                .isEqualTo("点击 <strong>登录</strong>，地址 <code>http://localhost:8080/&lt;app&gt;</code>，"
                        + "<em>斜体</em> a &lt; b");
        assertThat(Markdown.inline("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Markdown.inline("`**not bold**`")).isEqualTo("<code>**not bold**</code>");
    }

    @Test
    void linksToOtherPagesPointToTheirHtmlAndImagesKeepTheirPaths() {
        assertThat(Markdown.inline("见 [流程说明](processes/hardship-verification.md) 和 [审计](../architecture.md#audit)"))
                .isEqualTo("见 <a href=\"processes/hardship-verification.html\">流程说明</a> 和 "
                        + "<a href=\"../architecture.html#audit\">审计</a>");
        assertThat(Markdown.inline("[模型](../../processes/hardship.bpmn) <https://docs.camunda.org>"))
                .isEqualTo("<a href=\"../../processes/hardship.bpmn\">模型</a> "
                        + "<a href=\"https://docs.camunda.org\">https://docs.camunda.org</a>");
        assertThat(Markdown.inline("![登录页](images/guide/01-login.png)"))
                .isEqualTo("<img src=\"images/guide/01-login.png\" alt=\"登录页\">");
    }

    @Test
    void listsNestTheirImagesAndParagraphs() {
        assertThat(Markdown.toHtml("""
                1. 点击 **发起流程**。
                2. 填写表单。

                - 位数不对时提示：

                  ![格式不正确](images/a.png)

                - 号码无效时
                  提示原因。
                """)).isEqualTo("""
                <ol>
                <li>点击 <strong>发起流程</strong>。
                </li>
                <li>填写表单。
                </li>
                </ol>
                <ul>
                <li><p>位数不对时提示：</p>
                <p><img src="images/a.png" alt="格式不正确"></p>
                </li>
                <li><p>号码无效时提示原因。</p>
                </li>
                </ul>
                """);
    }

    @Test
    void tablesAndCodeBlocks() {
        assertThat(Markdown.toHtml("""
                | 过滤器 | 显示什么 |
                |---|---|
                | 我的待办 | 已由**我**认领 |

                ```
                mvn spring-boot:run   # <start>
                ```
                """)).isEqualTo("""
                <table>
                <thead>
                <tr><th>过滤器</th><th>显示什么</th></tr>
                </thead>
                <tbody>
                <tr><td>我的待办</td><td>已由<strong>我</strong>认领</td></tr>
                </tbody>
                </table>
                <pre><code>mvn spring-boot:run   # &lt;start&gt;</code></pre>
                """);
    }

    @Test
    void theUserGuideRendersWithoutLeftoverMarkup() throws IOException {
        String guide = Files.readString(Path.of("docs", "user-guide.md"), StandardCharsets.UTF_8);
        String html = Markdown.toHtml(guide);

        assertThat(Markdown.title(guide)).isEqualTo("工会帮扶审批平台 · 经办人使用指南");
        assertThat(html).contains("<img src=\"images/guide/01-login.png\"", "<table>", "<ol>",
                "href=\"processes/hardship-verification.html\"");
        assertThat(html.replaceAll("<code>.*?</code>", "")).doesNotContain("**", "![", "](", "\n|");
    }
}
