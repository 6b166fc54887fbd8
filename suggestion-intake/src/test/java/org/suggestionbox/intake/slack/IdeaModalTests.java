package org.suggestionbox.intake.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suggestionbox.intake.submission.IdeaDraft;

class IdeaModalTests {

    private static final List<String> CATEGORIES = List.of("customer-experience", "operations", "workplace", "other");
    private static final Gson GSON = GsonFactory.createSnakeCase();

    @ParameterizedTest
    @ValueSource(strings = {"en", "he", "pl"})
    void modalIsPrefilledAndFitsSlacksLimitsInEveryLanguage(String language) {
        String description = "Toner piles up. " + "x".repeat(4000);

        View view = IdeaModal.of(
                new IdeaDraft("Toner piles up", description, "operations", false),
                CATEGORIES,
                texts(Locale.forLanguageTag(language)));

        assertThat(view.getCallbackId()).isEqualTo("idea_modal");
        assertThat(view.getTitle()
                        .getText()
                        .codePointCount(0, view.getTitle().getText().length()))
                .isLessThanOrEqualTo(24);
        assertThat(view.getSubmit().getText().length()).isLessThanOrEqualTo(24);
        assertThat(view.getClose().getText().length()).isLessThanOrEqualTo(24);
        InputBlock title = (InputBlock) view.getBlocks().get(0);
        assertThat(title.getBlockId()).isEqualTo("title");
        assertThat(((PlainTextInputElement) title.getElement()).getInitialValue())
                .isEqualTo("Toner piles up");
        PlainTextInputElement descriptionInput =
                (PlainTextInputElement) ((InputBlock) view.getBlocks().get(1)).getElement();
        assertThat(descriptionInput.getInitialValue()).hasSize(3000).startsWith("Toner piles up. xxx");
        assertThat(descriptionInput.getMaxLength()).isEqualTo(3000);
        StaticSelectElement category =
                (StaticSelectElement) ((InputBlock) view.getBlocks().get(2)).getElement();
        assertThat(category.getInitialOption().getValue()).isEqualTo("operations");
        assertThat(category.getOptions()).extracting(o -> o.getValue()).containsExactlyElementsOf(CATEGORIES);
        assertThat(category.getOptions())
                .allSatisfy(o -> assertThat(o.getText().getText().length()).isLessThanOrEqualTo(75));
        CheckboxesElement anonymous =
                (CheckboxesElement) ((InputBlock) view.getBlocks().get(3)).getElement();
        assertThat(anonymous.getOptions()).singleElement().satisfies(o -> {
            assertThat(o.getValue()).isEqualTo("anonymous");
            assertThat(o.getText().getText().length()).isLessThanOrEqualTo(75);
        });
        assertThat(((InputBlock) view.getBlocks().get(3)).isOptional()).isTrue();
        InputBlock visibilityBlock = (InputBlock) view.getBlocks().get(4);
        assertThat(visibilityBlock.getBlockId()).isEqualTo("visibility");
        StaticSelectElement visibility = (StaticSelectElement) visibilityBlock.getElement();
        assertThat(visibility.getOptions())
                .extracting(o -> o.getValue())
                .containsExactly("COMPANY", "COMPANY_NAMED", "PRIVATE");
        assertThat(visibility.getOptions())
                .allSatisfy(o -> assertThat(o.getText().getText().length()).isLessThanOrEqualTo(75));
        assertThat(visibility.getInitialOption().getValue()).isEqualTo("COMPANY");
    }

    @Test
    void aVisibilityChosenInTheMessageIsPreselected() {
        View view = IdeaModal.of(
                new IdeaDraft("Toner piles up", "Toner", null, false).withVisibility("PRIVATE"),
                CATEGORIES,
                texts(Locale.ENGLISH));

        StaticSelectElement visibility =
                (StaticSelectElement) ((InputBlock) view.getBlocks().get(4)).getElement();
        assertThat(visibility.getInitialOption().getValue()).isEqualTo("PRIVATE");
        assertThat(visibility.getInitialOption().getText().getText()).isEqualTo("Only you, the owner and leaders");
    }

    @Test
    void emptyDraftLeavesTheFieldsEmptyAndSuggestsOther() {
        View view = IdeaModal.of(new IdeaDraft("", "", null, false), CATEGORIES, texts(Locale.ENGLISH));

        assertThat(((PlainTextInputElement) ((InputBlock) view.getBlocks().get(0)).getElement()).getInitialValue())
                .isNull();
        assertThat(((StaticSelectElement) ((InputBlock) view.getBlocks().get(2)).getElement())
                        .getInitialOption()
                        .getValue())
                .isEqualTo("other");
    }

    @Test
    void submittedStateIsReadBackAsADraft() {
        View submitted = GSON.fromJson("""
                {"id":"V1","state":{"values":{
                  "title":{"value":{"type":"plain_text_input","value":"Recycle toner"}},
                  "description":{"value":{"type":"plain_text_input","value":"It piles up.\\nBox?"}},
                  "category":{"value":{"type":"static_select","selected_option":{"value":"operations"}}},
                  "anonymous":{"value":{"type":"checkboxes","selected_options":[{"value":"anonymous"}]}},
                  "visibility":{"value":{"type":"static_select","selected_option":{"value":"PRIVATE"}}}}}}""", View.class);

        assertThat(IdeaModal.read(submitted.getState()))
                .isEqualTo(new IdeaDraft("Recycle toner", "It piles up.\nBox?", "operations", true, null, "PRIVATE"));
    }

    @Test
    void uncheckedAnonymousAndMissingValuesAreReadAsSuch() {
        View submitted = GSON.fromJson("""
                {"id":"V1","state":{"values":{
                  "title":{"value":{"type":"plain_text_input","value":null}},
                  "anonymous":{"value":{"type":"checkboxes","selected_options":[]}}}}}""", View.class);

        assertThat(IdeaModal.read(submitted.getState())).isEqualTo(new IdeaDraft(null, null, null, false));
    }

    private static IdeaModal.Texts texts(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return (code, args) -> messages.getMessage(code, args, locale);
    }
}
