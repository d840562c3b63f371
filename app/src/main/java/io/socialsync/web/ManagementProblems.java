package io.socialsync.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors on the separate management port (SOCIALSYNC_MANAGEMENT_PORT) as RFC 9457 problems, like the API port's:
 * its child context has Spring Boot's own error endpoint (another JSON shape), and an endpoint's own refusal (an
 * unknown metric's 404) has no body at all. Every 4xx/5xx that wrote no body, or was sent as an error, gets one,
 * and Tomcat's own refusals get the API port's error report valve.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(LoopbackManagementServer.InChildContext.class)
public class ManagementProblems {

    /** What Tomcat refuses before any filter runs (a malformed request line or header) gets the API port's valve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementProblemErrorReports() {
        return TomcatErrors::useProblemValve;
    }

    @Bean
    FilterRegistrationBean<ProblemFilter> managementProblemFilter() {
        var registration = new FilterRegistrationBean<>(new ProblemFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class ProblemFilter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                // an exception escaped the request: the container forwards here instead of to Boot's endpoint
                int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                        && code >= 400 ? code : 500;
                problem(response, status);
                return;
            }
            var tracked = new Tracked(response);
            chain.doFilter(request, tracked);
            int status = tracked.error != null ? tracked.error : response.getStatus();
            if (status >= 400 && !response.isCommitted() && (tracked.error != null || !tracked.body)) {
                problem(response, status);
            }
        }

        private static void problem(HttpServletResponse response, int status) throws IOException {
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            ProblemResponses.write(response, status, ErrorStatuses.title(status), ErrorStatuses.detail(status));
        }
    }

    /** Notes whether a body was started and keeps a sent error for the filter to answer, uncommitted. */
    private static final class Tracked extends HttpServletResponseWrapper {
        private boolean body;
        private Integer error;

        Tracked(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            body = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            body = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc, String msg) {
            sendError(sc);
        }

        @Override
        public void sendError(int sc) {
            error = sc;
            setStatus(sc);
        }
    }
}
