package org.unionassist.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ErrorCode;
import org.unionassist.web.ErrorReply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;

/**
 * Who may read {@code /actuator}: the health probes ({@code /actuator/health} and its {@code liveness} and
 * {@code readiness} groups) are open to anyone, so a load balancer needs no password; everything else (Prometheus,
 * metrics, info, single health components) needs HTTP Basic credentials of a Camunda user in {@code camunda-admin}.
 * Refusals are answered like every API of the application: 401 {@code SIGNER_UNKNOWN} (20027) without valid
 * credentials, 403 {@code NOT_AN_OPERATOR} (20061) for anyone else.
 * <p>
 * Without Spring Security, Spring Boot shows health details ({@code show-details: when-authorized}) to a request that
 * has a user principal: this filter gives the request one only for a verified administrator, so an administrator sees
 * the components and their details also on the open probe URLs, and everyone else sees the status alone.
 */
@Configuration
public class ActuatorAccess {

    static final String REALM = "Basic realm=\"union-assist\", charset=\"UTF-8\"";

    @Bean
    public FilterRegistrationBean<Guard> actuatorAccessFilter(ProcessEngine engine, WebEndpointProperties endpoints) {
        String base = endpoints.getBasePath();
        if (base == null || base.isBlank() || base.equals("/")) {
            // the guard would then cover every path of the application
            throw new IllegalStateException("management.endpoints.web.base-path must not be the root: "
                    + "ActuatorAccess guards everything below it");
        }
        FilterRegistrationBean<Guard> registration =
                new FilterRegistrationBean<>(new Guard(engine.getIdentityService(), base));
        registration.setName("union-assist-actuator-access");
        registration.addUrlPatterns(base + "/*");
        registration.setOrder(1);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {


        private final IdentityService identity;
        private final Set<String> open;

        Guard(IdentityService identity, String base) {
            this.identity = identity;
            this.open = Set.of(base + "/health", base + "/health/liveness", base + "/health/readiness");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // the container's decoded and normalised path, without ;parameters
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            String user = verifiedUser(request);
            boolean admin = user != null && isAdministrator(user);
            if (admin) {
                chain.doFilter(new Administrator(request, user), response);
            } else if (open.contains(path)) {
                chain.doFilter(request, response);
            } else if (user == null) {
                response.setHeader("WWW-Authenticate", REALM);
                refuse(response, 401, CaseworkError.SIGNER_UNKNOWN, "请先登录：监控接口需要系统运维人员（camunda-admin组）的账号和密码");
            } else {
                refuse(response, 403, CaseworkError.NOT_AN_OPERATOR, "只有系统运维人员（camunda-admin组）可以查看监控接口");
            }
        }

        /** The user whose HTTP Basic credentials the engine accepts, or null. */
        private String verifiedUser(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String credentials;
            try {
                credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            int colon = credentials.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String user = credentials.substring(0, colon);
            return identity.checkPassword(user, credentials.substring(colon + 1)) ? user : null;
        }

        private boolean isAdministrator(String user) {
            return identity.createGroupQuery().groupMember(user).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
        }

        private static void refuse(HttpServletResponse response, int status, ErrorCode code, String message)
                throws IOException {
            ErrorReply.of(status, code, message).writeTo(response);
        }
    }

    /** A request by a verified administrator, as Spring Boot's actuator reads it: a principal in camunda-admin. */
    private static final class Administrator extends HttpServletRequestWrapper {

        private final String user;

        Administrator(HttpServletRequest request, String user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return () -> user;
        }

        @Override
        public String getRemoteUser() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return Groups.CAMUNDA_ADMIN.equals(role);
        }
    }
}
