package org.unionassist.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.unionassist.casework.CaseworkError;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The engine's HTTP Basic filter for the REST API, which also lets the auditors' workspace page call
 * {@code /api/audit/*} and the payments workspace page call {@code /api/payments/*} with the webapps' own login (the
 * Cockpit or Tasklist session), under the same user, groups and authorizations, and a Tasklist user download what
 * {@code /api/exports/*} offers and read the API documentation (GET only). Only there, and a write through the session must carry {@code X-Requested-With}, a header another
 * site's page cannot send without the browser asking this server first (which it refuses).
 */
public class WebappSessionAuthentication extends ProcessEngineAuthenticationFilter {

    static final String AUDIT_API = "/api/audit/";
    /** The payments workspace (/payments/): batches, the bank's result, failed payments, the reconciliation. */
    static final String PAYMENTS_API = "/api/payments/";
    /** Downloads a programme offers to people working in Tasklist (a district's notice list), read-only. */
    static final String EXPORTS = "/api/exports/";
    /** The API documentation (springdoc's OpenAPI document and Swagger UI), read-only. */
    static final List<String> API_DOCS = List.of("/v3/api-docs", "/swagger-ui");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI();
        boolean download = (path.startsWith(http.getContextPath() + EXPORTS)
                || API_DOCS.stream().anyMatch(docs -> path.startsWith(http.getContextPath() + docs)))
                && SAFE.contains(http.getMethod());
        boolean page = http.getHeader("Authorization") == null
                && (path.startsWith(http.getContextPath() + AUDIT_API)
                || path.startsWith(http.getContextPath() + PAYMENTS_API) || download);
        UserAuthentication session = page ? fromSession(http) : null;
        if (session == null && page && http.getHeader("X-Requested-With") != null) {
            // the workspace page, logged out: a JSON 401 without the Basic challenge, so the browser shows no dialog
            ErrorReply.of(HttpServletResponse.SC_UNAUTHORIZED, CaseworkError.SIGNER_UNKNOWN, "请先登录")
                    .writeTo((HttpServletResponse) response);
            return;
        }
        if (session == null) {
            super.doFilter(request, response, chain);
            return;
        }
        if (!SAFE.contains(http.getMethod()) && http.getHeader("X-Requested-With") == null) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        setAuthenticatedUser(engine, session.getIdentityId(), session.getGroupIds(), session.getTenantIds());
        try {
            chain.doFilter(request, response);
        } finally {
            clearAuthentication(engine);
        }
    }

    private static UserAuthentication fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        Authentication auth = all == null || engine == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
        return auth instanceof UserAuthentication user ? user : null;
    }
}
