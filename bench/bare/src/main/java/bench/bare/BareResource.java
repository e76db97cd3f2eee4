package bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Answers 200 without work: the ceiling a webhook endpoint on the same stack could reach. */
@Path("/")
public class BareResource {

    /** Same path and body as handoff-service's messages webhook; reads the body, checks nothing, writes nothing. */
    @POST
    @Path("/api/webhooks/twilio/messages")
    @Produces(MediaType.TEXT_XML)
    public String message(byte[] body) {
        return "<Response/>";
    }

    /** Readiness for the footprint benchmark (the services answer /q/health/ready; this app has no health checks). */
    @GET
    @Path("/ready")
    public String ready() {
        return "ok";
    }
}
