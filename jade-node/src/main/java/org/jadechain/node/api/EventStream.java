package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Receipt;

/**
 * The server-sent-event stream of committed blocks ({@code GET /v1/events}): an event {@code block} per
 * block, followed by an event {@code alert} for each regulator alert (contract events of type {@code Alert})
 * its transactions raised.
 * Events are sent from one background thread (the ordering thread never waits on a client); when
 * clients fall more than 1,024 blocks behind, the oldest unsent events are dropped. Gone clients are removed.
 */
public final class EventStream implements CommitListener {
    private static final int MAX_CLIENTS = 256;
    static final long KEEPALIVE_SECONDS = 15;
    private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ObjectMapper json;
    private final java.util.concurrent.ThreadPoolExecutor sender = new java.util.concurrent.ThreadPoolExecutor(
            1, 1, 0, java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1024),
            r -> {
                Thread t = new Thread(r, "sse-sender");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.DiscardOldestPolicy());

    private final java.util.concurrent.ScheduledExecutorService pinger =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sse-keepalive");
                t.setDaemon(true);
                return t;
            });

    public EventStream(ObjectMapper json) {
        this.json = json;
        pinger.scheduleAtFixedRate(() -> sender.execute(this::ping), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /** A comment line to every subscriber: keeps idle streams open through proxies and finds gone clients. */
    private void ping() {
        for (SseClient c : clients) {
            try {
                c.sendComment("keep-alive");
                if (c.terminated()) {
                    clients.remove(c);
                }
            } catch (RuntimeException e) {
                clients.remove(c);
            }
        }
    }

    /** Stops the keep-alive and sender threads. */
    public void close() {
        pinger.shutdownNow();
        sender.shutdownNow();
    }

    public void connect(SseClient client) {
        if (clients.size() >= MAX_CLIENTS) {
            client.sendEvent("error", "{\"error\":\"TOO_MANY_SUBSCRIBERS\"}");
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{\"subscribed\":\"block\"}");
    }

    public int subscribers() {
        return clients.size();
    }

    @Override
    public void committed(CommittedBlock block) {
        if (clients.isEmpty()) {
            return;
        }
        ObjectNode n = json.createObjectNode();
        n.put("height", block.height());
        n.put("hash", block.headerHash().hex());
        n.put("timestamp", block.block().header().timestamp());
        n.put("txCount", block.block().transactions().size());
        ArrayNode rs = n.putArray("receipts");
        for (Receipt r : block.receipts()) {
            ObjectNode rn = rs.addObject();
            rn.put("txHash", r.txHash().hex());
            rn.put("code", r.code().name());
            rn.put("kind", r.kind().name());
        }
        String data = n.toString();
        java.util.List<String> alerts = new java.util.ArrayList<>();
        for (Receipt r : block.receipts()) {
            for (org.jadechain.core.model.Event e : r.events()) {
                if (e.type().equals("Alert")) {
                    ObjectNode a = json.createObjectNode();
                    a.put("height", block.height()).put("txHash", r.txHash().hex()).put("contract", e.contract());
                    ObjectNode attrs = a.putObject("attributes");
                    for (org.jadechain.core.model.Attribute at : e.attributes()) {
                        attrs.put(at.name(), at.value());
                    }
                    alerts.add(a.toString());
                }
            }
        }
        sender.execute(() -> {
            for (SseClient c : clients) {
                try {
                    c.sendEvent("block", data);
                    for (String alert : alerts) {
                        c.sendEvent("alert", alert);
                    }
                    if (c.terminated()) {
                        clients.remove(c);
                    }
                } catch (RuntimeException e) {
                    clients.remove(c);
                }
            }
        });
    }
}
