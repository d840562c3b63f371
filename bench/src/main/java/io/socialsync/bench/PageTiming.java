package io.socialsync.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.springframework.core.Ordered;

/**
 * bench/pages' server-side clock, first in the filter chain (before security): each request's wall time and the
 * CPU time of the thread that served it. The CPU time is the figure a loaded machine does not inflate: on two cores
 * shared with other work, a request's wall time includes the time its thread waited for a core. Added to the
 * application by {@code --spring.main.sources} only (no annotation: the application's scan must not pick it up
 * for the other benches).
 */
public final class PageTiming implements Filter, Ordered {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The last request's times (requests are sequential in the bench). */
    static volatile Times last;

    record Times(double wallMs, double cpuMs) {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        try {
            chain.doFilter(request, response);
            response.flushBuffer();
        } finally {
            last = new Times((System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
