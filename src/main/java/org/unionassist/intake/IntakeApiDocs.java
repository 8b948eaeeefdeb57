package org.unionassist.intake;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the intake API (springdoc; {@code springdoc.paths-to-match} in application.yml keeps it to
 * {@code /api/intake/**}): Chinese descriptions, HTTP Basic as the channel's login, the error reply every refusal has.
 */
@Configuration(proxyBeanMethods = false)
class IntakeApiDocs {

    @Bean
    OpenAPI intakeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("工会帮扶审批平台 · 线上受理接口").version("1")
                        .description("""
                                供线上服务渠道（服务一张网）提交困难职工认定、职工医疗互助理赔和金秋助学申请，并查询办理进度。

                                - 登录：渠道的技术账号，HTTP Basic。每个渠道账号绑定一个基层工会（Camunda 组 `<工会>-channel`），\
                                申请以该工会名义受理，出现在该工会经办人的任务中心里，与经办人提交的申请完全相同。
                                - 渠道账号只能调用本接口：任务中心、流程监控、系统管理、/engine-rest 和其他 /api 接口一律拒绝（403，错误码 20803）。
                                - 每次提交必须带请求头 `Idempotency-Key`（幂等键）。
                                - 每个渠道限流（默认每分钟 60 次），超出时返回 429 和 `Retry-After`。
                                - 错误一律为 JSON：`type`（错误名）、`code`（稳定的错误码）、`message`（中文说明，可直接展示）。"""))
                .addSecurityItem(new SecurityRequirement().addList("channel"))
                .components(new Components()
                        .addSecuritySchemes("channel", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("线上服务渠道的技术账号"))
                        .addSchemas("ErrorReply", new ObjectSchema().description("错误答复")
                                .addProperty("type", new StringSchema().description("错误名，如 IDEMPOTENCY_KEY_REUSED")
                                        .example("IDEMPOTENCY_KEY_REUSED"))
                                .addProperty("code", new IntegerSchema().description("稳定的错误码").example(20801))
                                .addProperty("message", new StringSchema().description("中文说明")
                                        .example("该幂等键（Idempotency-Key）已用于另一份申请"))));
    }
}
