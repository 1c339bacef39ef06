package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging and path checks that docs/rest-api.md promises: a 400 naming the parameter, never an overflow or a 404. */
class InputChecksApiTest {

    private TestInstallation installation;
    private Api api;

    @BeforeEach
    void start() {
        installation = TestInstallation.start();
        installation.user.admin();
        api = new Api(installation.mockMvc());
    }

    @AfterEach
    void stop() {
        installation.close();
    }

    @Test
    void aPageTooFarToCountIsRefusedNamingIt() {
        for (String path : new String[] {"logs", "failures"}) {
            Api.Reply last = api.send(Api.getting(path).param("page", String.valueOf(Integer.MAX_VALUE))
                    .param("pageSize", "500"));

            assertThat(last.status).as(path + ": " + last).isEqualTo(400);
            assertThat(last.errorField()).isEqualTo("page");
            assertThat(api.send(Api.getting(path).param("page", String.valueOf(Params.MAX_PAGE))
                    .param("pageSize", "500")).status).as(path).isEqualTo(200);
        }
    }

    @Test
    void aPathUuidThatIsNotUuidShapedIsA400NotA404() {
        for (String path : new String[] {"mappings/abc.def", "mappings/abc.json", "mappings/not_a_uuid",
            "mappings/abc.def/preview", "patients/abc.def/status", "runs/abc.def", "mappings/a%20b"}) {
            Api.Reply reply = api.get(path);

            assertThat(reply.status).as(path + ": " + reply).isEqualTo(400);
        }
        assertThat(api.get("mappings/a1b2c3d4-0000-4000-8000-000000000000").status).isEqualTo(404);
    }
}
