package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.dhis2.fake.FakeHttp.json;

/** The comparison the conformance test relies on finds real differences and passes over volatile ones. */
class JsonConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String singleQuoted) throws Exception {
        return JSON.readTree(json(singleQuoted));
    }

    @Test
    void reportsMissingExtraAndChangedFields() throws Exception {
        JsonNode expected = read("{'status':'OK','stats':{'created':1},'createdAt':'2026-01-01T00:00:00.000'}");
        JsonNode actual = read("{'status':'ERROR','stats':{'created':1,'extra':0},'createdAt':'2027-01-01T00:00:00.000'}");
        assertThat(JsonConformance.compare(expected, actual, new JsonConformance.Options()))
                .containsExactlyInAnyOrder("$.stats.extra: unexpected field", "$.status: expected \"OK\", found \"ERROR\"");
        assertThat(JsonConformance.compare(read("{'a':[1,2]}"), read("{'a':[1]}"), new JsonConformance.Options()))
                .containsExactly("$.a: 2 elements expected, 1 found");
    }

    @Test
    void pairsAttributesByKeyAndIgnoresHostsAndErrorMessages() throws Exception {
        JsonNode expected = read("{'href':'http://127.0.0.1:8085/api/x','attributes':[{'attribute':'A','value':'1'},"
                + "{'attribute':'B','value':'2'}],'validationReport':{'errorReports':[{'message':'old words','errorCode':'E1'}]}}");
        JsonNode actual = read("{'href':'http://127.0.0.1:4711/api/x','attributes':[{'attribute':'B','value':'2'},"
                + "{'attribute':'A','value':'1'}],'validationReport':{'errorReports':[{'message':'new words','errorCode':'E1'}]}}");
        assertThat(JsonConformance.compare(expected, actual, new JsonConformance.Options())).isEmpty();
    }

    @Test
    void comparesWhatACutReplyHolds() throws Exception {
        JsonNode cut = JsonConformance.parseTruncated(json("{'a':'x','list':[{'attribute':'A','value':'1'},{'attri"));
        assertThat(cut.toString()).isEqualTo(json("{'a':'x','list':[{'attribute':'A','value':'1'}]}"));
        JsonConformance.Options options = new JsonConformance.Options();
        options.truncated = true;
        assertThat(JsonConformance.compare(cut, read("{'a':'x','b':2,'list':[{'attribute':'B','value':'2'},"
                + "{'attribute':'A','value':'1'}]}"), options)).isEmpty();
        assertThat(JsonConformance.compare(cut, read("{'a':'y','list':[]}"), options)).hasSize(2);
    }
}
