package org.clearline.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.clearline.admin.accounts.NumberService;
import org.clearline.store.NumberStore.NumberAssignment;

/** {@code /numbers}: E.164 numbers and the accounts they ring. */
final class NumberResource {
    /** The body of {@code PUT /numbers/{number}}. */
    record AssignBody(String sipId) {}

    /** @param previousSipId the account it belonged to before a move; left out when there was none */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Assignment(String number, String sipId, String previousSipId) {}

    record NumberList(List<Assignment> numbers) {}

    private final NumberService numbers;

    NumberResource(NumberService numbers) {
        this.numbers = numbers;
    }

    void routes(ApiRoutes r) {
        r.get("/numbers", this::list)
                .get("/numbers/{number}", this::show)
                .put("/numbers/{number}", this::assign)
                .delete("/numbers/{number}", this::unassign);
    }

    private void list(Context ctx) {
        ctx.json(new NumberList(numbers.list().stream().map(NumberResource::row).toList()));
    }

    private void show(Context ctx) {
        String number = ctx.pathParam("number");
        ctx.json(new Assignment(number, numbers.owner(number), null));
    }

    /** Assigns or moves the number; 201 when it was free, 200 when it belonged to an account before. */
    private void assign(Context ctx) {
        String number = ctx.pathParam("number");
        AssignBody b = Params.body(ctx, AssignBody.class);
        String sipId = b.sipId();
        Optional<String> previous = numbers.assign(number, sipId == null ? "" : sipId);
        ctx.status(previous.isPresent() ? 200 : 201);
        ctx.json(new Assignment(number, sipId, previous.filter(p -> !p.equals(sipId)).orElse(null)));
    }

    private void unassign(Context ctx) {
        numbers.unassign(ctx.pathParam("number"));
        ctx.status(204);
    }

    private static Assignment row(NumberAssignment a) {
        return new Assignment(a.number(), a.sipId(), null);
    }
}
