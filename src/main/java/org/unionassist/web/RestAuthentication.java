package org.unionassist.web;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API and the project's own API are never open to anonymous callers: both require HTTP Basic
 * credentials of a Camunda user, and every call then runs with that user's authorizations. (The webapps use their
 * own session login, which the auditors' workspace page also uses for /api/audit: {@link WebappSessionAuthentication}.)
 * The API documentation ({@code /v3/api-docs}, Swagger UI) takes either login.
 */
@Configuration
public class RestAuthentication {

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new WebappSessionAuthentication());
        registration.setName("union-assist-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        // the API documentation (springdoc: the OpenAPI document and Swagger UI) is read by logged-in users only
        registration.addUrlPatterns("/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html", "/swagger-ui/*");
        registration.setOrder(1);
        return registration;
    }
}
