package org.suggestionbox.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.suggestionbox.platform.security.PlatformSecurityProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared look and language handling: locale from the switcher or the directory, the layout
 * model, problem details for the API, a common {@code application} metric tag and an injectable
 * clock.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@EnableConfigurationProperties({PlatformLinks.class, PlatformWebProperties.class, WebProperties.class})
public class PlatformWebAutoConfiguration implements WebMvcConfigurer {

    /** The query parameter that switches a page's language ({@code ?lang=he}), remembered for the next pages. */
    public static final String LANGUAGE_PARAMETER = "lang";

    @Bean(name = "localeResolver")
    @ConditionalOnMissingBean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new DirectoryLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** The icon every page links to; public and cached for a week, as it changes with a release at most. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico", "/favicon.svg")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }

    /**
     * A session travels in its cookie only, never in a link: the servlet container would otherwise write
     * {@code ;SB_ROUTER_SESSION=…} into every link of a page that starts a session for a browser that has not sent
     * the cookie yet (the page of a form sent after the sign-in ended is one), and the firewall refuses such a path,
     * so the page's style sheet, script and icon did not load. No session id in addresses, logs or Referers either.
     */
    @Bean
    ServletContextInitializer sessionsInCookiesOnly() {
        return servletContext -> servletContext.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }

    @Bean
    LayoutModelAdvice layoutModelAdvice(
            PlatformLinks links, @Value("${spring.application.name:suggestion-box}") String application) {
        return new LayoutModelAdvice(links, application);
    }

    /** Our page instead of Spring's "Whitelabel Error Page" when a browser meets a 404, a 403 or a failure. */
    @Bean
    PageErrorViews pageErrorViews(LayoutModelAdvice layout, ErrorAttributes errors) {
        return new PageErrorViews(layout, errors);
    }

    /** Problem details instead of Spring Boot's JSON for what reaches {@code /error} from the API. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(
            ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> pages) {
        return new ProblemErrorController(
                errorAttributes, web.getError(), pages.orderedStream().toList());
    }

    /**
     * Problem details for what Tomcat refuses before Spring sees it: the host finds our valve as its error report
     * valve at its start, and it reports after any other (Spring Boot's own, which then has nothing left to say).
     */
    @Bean
    TomcatContextCustomizer problemErrorReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    UnbindableFields unbindableFields() {
        return new UnbindableFields();
    }

    @Bean
    LoginController loginController(
            org.suggestionbox.platform.security.PlatformSecurityProperties security,
            org.springframework.core.env.Environment environment) {
        return new LoginController(security, environment);
    }

    @Bean
    @ConditionalOnMissingBean(
            org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler.class)
    ApiProblemHandler apiProblemHandler() {
        return new ApiProblemHandler();
    }

    /**
     * Refuses oversized bodies before sign-in and everything else (just after the character encoding); a service's
     * {@link RequestSizeLimitFilter.PathLimit} beans give some of its paths another limit.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            PlatformWebProperties properties,
            ObjectProvider<RequestSizeLimitFilter.PathLimit> pathLimits,
            JsonMapper jsonMapper,
            MessageSource messageSource,
            ObjectProvider<OversizedRequestListener> listeners) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(
                        properties,
                        pathLimits.orderedStream().toList(),
                        jsonMapper,
                        messageSource,
                        listeners.orderedStream().toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Ahead of security and everything that reads a body: see {@link ContentTypeGuard}. */
    @Bean
    FilterRegistrationBean<ContentTypeGuard> contentTypeGuard() {
        FilterRegistrationBean<ContentTypeGuard> registration = new FilterRegistrationBean<>(new ContentTypeGuard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        // also around the error page: rendering it reads the parameters (the language switch), which is
        // where a body that is no valid text first fails when the request itself was refused earlier
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(
            @Value("${spring.application.name:suggestion-box}") String application) {
        return registry -> registry.config().commonTags("application", application);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** In the services that document their API with springdoc: see {@link ProblemResponses}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    static class OpenApiDocuments {

        @Bean
        ProblemResponses problemResponses(ObjectProvider<PlatformSecurityProperties> security) {
            PlatformSecurityProperties properties = security.getIfAvailable();
            return new ProblemResponses(properties == null ? List.of() : properties.publicPaths());
        }
    }
}
