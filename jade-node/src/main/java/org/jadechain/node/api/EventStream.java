package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;

/**
 * The server-sent-event stream of committed blocks ({@code GET /v1/events}): an event {@code block} per
 * block, followed by an event {@code alert} for each regulator alert (contract events of type {@code Alert})
 * its transactions raised.
 * Events are built and sent on one background thread (the ordering thread neither waits on a client nor spends
 * its time on their JSON); when
 * clients fall more than 1,024 blocks behind, the oldest unsent events are dropped. Gone clients are removed.
 */
public final class EventStream implements CommitListener {
    private static final int MAX_CLIENTS = 256;
    static final long KEEPALIVE_SECONDS = 15;
    private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ObjectMapper json;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1024),
            r -> {
                Thread t = new Thread(r, "sse-sender");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    private final ScheduledExecutorService pinger =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sse-keepalive");
                t.setDaemon(true);
                return t;
            });

    public EventStream(ObjectMapper json) {
        this.json = json;
        pinger.scheduleAtFixedRate(() -> sender.execute(this::ping), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS,
                TimeUnit.SECONDS);
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

    /** Hands the block to the sender thread, which builds its events' JSON and sends them; returns at once. */
    @Override
    public void committed(CommittedBlock block) {
        if (clients.isEmpty()) {
            return;
        }
        sender.execute(() -> send(blockEvent(block), alertEvents(block)));
    }

    private String blockEvent(CommittedBlock block) {
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
        return n.toString();
    }

    private List<String> alertEvents(CommittedBlock block) {
        List<String> alerts = new ArrayList<>();
        for (Receipt r : block.receipts()) {
            for (Event e : r.events()) {
                if (e.type().equals("Alert")) {
                    ObjectNode a = json.createObjectNode();
                    a.put("height", block.height()).put("txHash", r.txHash().hex()).put("contract", e.contract());
                    ObjectNode attrs = a.putObject("attributes");
                    for (Attribute at : e.attributes()) {
                        attrs.put(at.name(), at.value());
                    }
                    alerts.add(a.toString());
                }
            }
        }
        return alerts;
    }

    private void send(String block, List<String> alerts) {
        for (SseClient c : clients) {
            try {
                c.sendEvent("block", block);
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
    }
}
