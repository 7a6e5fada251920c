package dev.guardian.infra.local.es;

import java.io.IOException;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

/** The two answers every stand-in handler gives: acknowledged, or the error as ES renders it. */
final class Responses {

    private Responses() {}

    static void acknowledged(RestChannel channel) {
        try {
            XContentBuilder body = channel.newBuilder();
            body.startObject().field("acknowledged", true).endObject();
            channel.sendResponse(new RestResponse(RestStatus.OK, body));
        } catch (IOException e) {
            error(channel, e);
        }
    }

    static void error(RestChannel channel, Exception failure) {
        try {
            channel.sendResponse(new RestResponse(channel, failure));
        } catch (IOException e) {
            e.addSuppressed(failure);
            channel.sendResponse(new RestResponse(RestStatus.INTERNAL_SERVER_ERROR, e.toString()));
        }
    }
}
