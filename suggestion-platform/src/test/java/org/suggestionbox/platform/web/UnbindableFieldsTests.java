package org.suggestionbox.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

class UnbindableFieldsTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FormPage())
            .setControllerAdvice(new UnbindableFields())
            .build();

    @Test
    void aFieldNameNoFormCanBindIsABadRequest() throws Exception {
        mvc.perform(post("/form").param("title[0]", "x")).andExpect(status().isBadRequest());
        mvc.perform(post("/form").param("coSubmitterIds[256]", "noa")).andExpect(status().isBadRequest());
    }

    @Test
    void theFormsOwnFieldsStillBind() throws Exception {
        mvc.perform(post("/form").param("title", "Quieter rooms").param("coSubmitterIds[3]", "noa"))
                .andExpect(status().isOk());
    }

    @Controller
    static class FormPage {

        @PostMapping("/form")
        @ResponseBody
        String submit(@ModelAttribute Form form) {
            return form.getTitle();
        }
    }

    /** A form as the pages have them: a text and a list. */
    static class Form {

        private String title = "";
        private List<String> coSubmitterIds = new ArrayList<>();

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public List<String> getCoSubmitterIds() {
            return coSubmitterIds;
        }

        public void setCoSubmitterIds(List<String> coSubmitterIds) {
            this.coSubmitterIds = coSubmitterIds;
        }
    }
}
