package org.suggestionbox.platform.web;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The layout's model goes to the pages' controllers, and an API's controller does not pay for it. */
class LayoutModelAdviceTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Page(), new Api())
            .setControllerAdvice(new LayoutModelAdvice(
                    new PlatformLinks("http://intake.test", "http://router.test", "http://notifier.test"),
                    "layout-tests"))
            .build();

    @Test
    void aPageControllersModelHoldsTheLayout() throws Exception {
        mvc.perform(get("/page"))
                .andExpect(model().attribute("application", "layout-tests"))
                .andExpect(model().attribute("lang", "en"))
                .andExpect(model().attribute("dir", "ltr"))
                .andExpect(model().attributeExists("links", "menu"));
    }

    @Test
    void theModelNamesTheHeadersEntryOfThePageAnswered() throws Exception {
        MockMvc router = MockMvcBuilders.standaloneSetup(new Page())
                .setControllerAdvice(new LayoutModelAdvice(
                        new PlatformLinks("http://intake.test", "http://router.test", "http://notifier.test"),
                        "suggestion-router"))
                .build();

        router.perform(get("/queue")).andExpect(model().attribute("currentEntry", "queue"));
        router.perform(get("/page")).andExpect(model().attribute("currentEntry", nullValue()));
    }

    @Test
    void aHebrewPageIsRightToLeft() throws Exception {
        mvc.perform(get("/page").header("Accept-Language", "he"))
                .andExpect(model().attribute("lang", "he"))
                .andExpect(model().attribute("dir", "rtl"));
    }

    @Test
    void theLanguageSwitchSendsThePagesQueryAgainButNotItsLanguageNorAFormsFields() throws Exception {
        mvc.perform(get("/page?state=ASSIGNED&category=a&category=b&lang=he"))
                .andExpect(model().attribute(
                                "pageQuery",
                                List.of(
                                        Map.entry("state", "ASSIGNED"),
                                        Map.entry("category", "a"),
                                        Map.entry("category", "b"))));
        mvc.perform(post("/page").param("explanation", "what the owner wrote"))
                .andExpect(model().attribute("pageQuery", List.of()));
    }

    @Test
    void anApiControllersModelStaysEmpty() throws Exception {
        mvc.perform(get("/api/model")).andExpect(content().json("[]"));
    }

    @Controller
    static class Page implements PageController {

        @RequestMapping(
                path = {"/page", "/queue"},
                method = {RequestMethod.GET, RequestMethod.POST})
        String page() {
            return "layout-tests/page";
        }
    }

    @RestController
    static class Api {

        /** The names in the model Spring MVC prepared for this request. */
        @GetMapping("/api/model")
        Set<String> model(Model model) {
            return model.asMap().keySet();
        }
    }
}
