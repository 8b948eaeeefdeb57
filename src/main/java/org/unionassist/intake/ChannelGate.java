package org.unionassist.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unionassist.casework.ErrorCode;
import org.unionassist.web.ErrorReply;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Behind the REST login (web.RestAuthentication, order 1), on the engine REST API and the project's API: an online
 * channel reaches the intake API and nothing else, and nobody else reaches the intake API; each channel's calls are
 * rate-limited. Refusals are JSON with a code and a Chinese message, like every other error of the API.
 */
@Configuration
class ChannelGate {

    static final String INTAKE = "/api/intake/";

    @Bean
    FilterRegistrationBean<Gate> channelGateFilter(IdentityService identityService, ChannelRateLimits limits) {
        FilterRegistrationBean<Gate> registration = new FilterRegistrationBean<>(new Gate(identityService, limits));
        registration.setName("union-assist-channel-gate");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.setOrder(2);
        return registration;
    }

    static final class Gate extends OncePerRequestFilter {

        private final IdentityService identityService;
        private final ChannelRateLimits limits;

        Gate(IdentityService identityService, ChannelRateLimits limits) {
            this.identityService = identityService;
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication caller = identityService.getCurrentAuthentication();
            if (caller == null || caller.getUserId() == null) {
                chain.doFilter(request, response);
                return;
            }
            boolean intake = request.getRequestURI().startsWith(request.getContextPath() + INTAKE);
            boolean channel = Channels.anyChannelGroup(caller.getGroupIds());
            if (channel && !intake) {
                refuse(response, IntakeError.CHANNEL_INTAKE_ONLY, "线上服务渠道账号只能提交申请和查询本渠道申请的办理进度");
                return;
            }
            if (!channel && intake) {
                refuse(response, IntakeError.NOT_A_CHANNEL, "受理接口只供线上服务渠道账号调用；经办人请在任务中心提交申请");
                return;
            }
            if (channel) {
                Optional<Duration> wait = limits.refusal(caller.getUserId());
                if (wait.isPresent()) {
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    response.setHeader("Retry-After", Long.toString(seconds));
                    refuse(response, IntakeError.RATE_LIMITED, "本渠道提交过于频繁，请在 " + seconds + " 秒后重试");
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private static void refuse(HttpServletResponse response, ErrorCode code, String message) throws IOException {
            ErrorReply.of(code, message).writeTo(response);
        }
    }
}
