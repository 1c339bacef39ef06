package org.openmrs.module.dhis2sync.e2e;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.DefaultServlet;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The admin page and the module's real REST layer in one Jetty on 127.0.0.1 (a random port), laid out as in OpenMRS:
 * context {@code /openmrs}, {@code webapp/} at {@code /openmrs/moduleResources/dhis2sync/}, and a Spring
 * {@link DispatcherServlet} at {@code /openmrs/ws/*} whose context holds the module's controllers and error advice.
 */
public final class E2eServer implements AutoCloseable {

    static final String CONTEXT_PATH = "/openmrs";

    private final Server jetty;

    private E2eServer(Server jetty) {
        this.jetty = jetty;
    }

    /**
     * @param webapp the admin page's directory
     * @param restContext the (not yet refreshed) context of the REST servlet: the DispatcherServlet refreshes it
     */
    static E2eServer start(Path webapp, GenericWebApplicationContext restContext) throws Exception {
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(CONTEXT_PATH);

        ServletHolder page = new ServletHolder("moduleResources", DefaultServlet.class);
        page.setInitParameter("resourceBase", webapp.toAbsolutePath().toString());
        page.setInitParameter("pathInfoOnly", "true");
        page.setInitParameter("dirAllowed", "false");
        // the page is edited while a standalone server runs: never serve a stale copy
        page.setInitParameter("useFileMappedBuffer", "false");
        page.setInitParameter("cacheControl", "no-store");
        context.addServlet(page, "/moduleResources/dhis2sync/*");

        restContext.setServletContext(context.getServletContext());
        DispatcherServlet dispatcher = new DispatcherServlet(restContext);
        dispatcher.setThrowExceptionIfNoHandlerFound(true);
        ServletHolder rest = new ServletHolder("ws", dispatcher);
        rest.setInitOrder(1);
        context.addServlet(rest, "/ws/*");

        jetty.setHandler(context);
        jetty.start();
        return new E2eServer(jetty);
    }

    /** http://127.0.0.1:port (without the context path, as the browser test takes it). */
    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public String pageUrl() {
        return baseUrl() + CONTEXT_PATH + "/moduleResources/dhis2sync/index.html";
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
