package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import org.jadechain.node.NodeContext;
import org.jadechain.node.devnet.DemoIdentities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of docs/API.md on Javalin, and the web console's static files at {@code /} (from the
 * classpath's {@code console/}, front-end libraries as WebJars under {@code /webjars/}). Every failure is answered as JSON {@code {"error", "message"}}:
 * refusals with their 4xx status, unknown paths with 404, bodies over {@link #MAX_BODY_BYTES} with 413;
 * only a genuine fault of the node gives 500 (and is logged).
 */
public final class ApiServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final EventStream events;

    public ApiServer(NodeContext node, ObjectMapper json) {
        this(node, json, null);
    }

    /**
     * The API and the web console; with {@code demo} (only a node started by {@code jade devnet}) also the demo
     * signer under {@code /v1/devnet} (ADR 0009). Without it those paths answer 404.
     */
    public ApiServer(NodeContext node, ObjectMapper json, DemoIdentities demo) {
        JsonViews views = new JsonViews(json, node.genesis().cryptoSuite());
        this.events = new EventStream(json);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.useVirtualThreads = false;
            cfg.http.prefer405over404 = true;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/console";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
            cfg.staticFiles.enableWebjars();
        });
        new TransactionRoutes(node, json, views).register(app);
        new QueryRoutes(node, json, views).register(app);
        new ProofRoutes(node).register(app);
        new CurrencyRoutes(node, json).register(app);
        new OrganisationRoutes(node, json).register(app);
        new MediationRoutes(node, json).register(app);
        new CourtRoutes(node, json).register(app);
        new RecordsRoutes(node, json).register(app);
        new GovernanceRoutes(node, json).register(app);
        if (demo != null) {
            new DevnetRoutes(node, json, demo).register(app);
        }
        app.sse("/v1/events", events::connect);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(node.metrics().scrape()));
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status())
                .json(json.createObjectNode().put("error", e.code()).put("message", e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(json.createObjectNode().put("error", switch (e.getStatus()) {
                    case 404 -> "NOT_FOUND";
                    case 405 -> "METHOD_NOT_ALLOWED";
                    case 413 -> "TOO_LARGE";
                    default -> "BAD_REQUEST";
                })
                        .put("message", switch (e.getStatus()) {
                    case 413 -> "request body over " + MAX_BODY_BYTES + " bytes";
                    case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
                    default -> e.getMessage();
                })));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(json.createObjectNode().put("error", "INTERNAL").put("message", "the node failed to answer: " + e));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(json.createObjectNode().put("error", "NOT_FOUND").put("message", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> ctx.json(json.createObjectNode().put("error", "METHOD_NOT_ALLOWED")
                .put("message", ctx.method() + " is not allowed on " + ctx.path())));
    }

    public EventStream events() {
        return events;
    }

    public void start(String host, int port) {
        app.start(host, port);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
