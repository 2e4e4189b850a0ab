package peregrine.cli.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import peregrine.calendar.PushReport;
import peregrine.calendar.PushResult;

/**
 * A push or removal as the calendar commands print it: the seed's {@code ok}, {@code provider}, {@code event_id}
 * (those of the first calendar) and {@code created}/{@code link}/{@code error}, and {@code results}, one object
 * per calendar ({@code provider}, {@code event_id}, {@code ok}, {@code error}).
 */
final class ReportJson {

    private ReportJson() {
    }

    static JsonObject of(PushReport report) {
        JsonObject line = new JsonObject();
        line.addProperty("ok", report.ok());
        JsonObject first = result(report.first());
        first.entrySet().stream().filter(e -> !e.getKey().equals("ok")).forEach(e -> line.add(e.getKey(), e.getValue()));
        if (!report.ok() && !line.has("error")) {
            line.addProperty("error", report.failureMessage());
        }
        JsonArray results = new JsonArray(report.results().size());
        report.results().forEach(r -> results.add(result(r)));
        line.add("results", results);
        return line;
    }

    private static JsonObject result(PushResult result) {
        JsonObject o = new JsonObject();
        if (!result.providerId().isEmpty()) {
            o.addProperty("provider", result.providerId());
        }
        o.addProperty("ok", result.ok());
        switch (result) {
            case PushResult.Pushed pushed -> {
                o.addProperty("event_id", pushed.eventId());
                o.addProperty("created", pushed.created());
                pushed.link().ifPresent(link -> o.addProperty("link", link.toString()));
            }
            case PushResult.Removed removed -> {
                o.addProperty("event_id", removed.eventId());
                o.addProperty("removed", true);
            }
            case PushResult.Failed failed -> o.addProperty("error", failed.message());
        }
        return o;
    }

    /** @return the report's failures on one line, for stderr */
    static String failures(PushReport report) {
        return report.failureMessage().replace('\n', ' ');
    }
}
