package io.shortfall.kit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.panache.common.Page;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Any {@code ?page=&size=} a client sends is either a page within bounds or a 400 naming the parameter. */
class PagingTest {

    @Property
    void everyPageAndSizeIsBoundedOrRefused(@ForAll int page, @ForAll int size) {
        HttpProblem refused = catchThrowableOfType(HttpProblem.class, () -> {
            Page p = Paging.page(page, size);
            assertThat((long) p.index * p.size).isBetween(0L, (long) Paging.MAX_OFFSET);
            assertThat(p.size).isBetween(1, Paging.MAX_SIZE);
        });
        if (refused != null) {
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getType()).isEqualTo(Problems.type("validation"));
        }
        boolean valid = page >= 0 && size >= 1 && size <= Paging.MAX_SIZE && (long) page * size <= Paging.MAX_OFFSET;
        assertThat(refused == null).isEqualTo(valid);
    }
}
