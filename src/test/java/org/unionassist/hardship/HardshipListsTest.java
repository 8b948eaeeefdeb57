package org.unionassist.hardship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists a hardship caseworker picks from have one source, their Java enum: every form field offering one lists
 * exactly the enum's codes and Chinese labels in its order, and the category table decides among the enum's categories
 * and tests only causes the enum knows.
 */
class HardshipListsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Path CATEGORY_TABLE = Path.of("processes/hardship-category.dmn");

    /** The form field key → the options its enum says it offers, as {@code code=label}. */
    private static final Map<String, List<String>> LISTS = Map.of(
            "hardshipCause", options(Arrays.stream(HardshipCause.values()), HardshipCause::code, HardshipCause::label),
            "closeReason", options(Arrays.stream(FileCloseReason.values()), FileCloseReason::code, FileCloseReason::label),
            "civilAffairsCheck", options(Arrays.stream(CivilAffairsCheck.values()), CivilAffairsCheck::code,
                    CivilAffairsCheck::label),
            // an approver may only choose a category a file can be opened under
            "categoryOverride", fileableCategories(),
            "newCategory", fileableCategories());

    @Test
    void everyFormOffersItsListExactlyAsTheEnumDefinesIt() throws IOException {
        assertThat(optionProblems(forms())).isEmpty();
    }

    @Test
    void theOptionCheckRefusesAFormWhoseOptionsDifferFromTheEnum() throws IOException {
        Map<String, JsonNode> forms = forms();
        ((ObjectNode) field(forms.get("hardship-application"), "hardshipCause").path("values").get(1))
                .put("label", "患病");
        ((ObjectNode) field(forms.get("hardship-recheck-approval"), "closeReason").path("values").get(4))
                .put("value", "others");
        assertThat(optionProblems(forms)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("hardship-application: hardshipCause offers [")
                        .contains("illness=患病", "the enum defines [none=无, illness=本人或家属患病"))
                .anySatisfy(p -> assertThat(p).startsWith("hardship-recheck-approval: closeReason offers [")
                        .contains("others=其他原因", "the enum defines [outOfHardship="));

        forms.remove("hardship-district-check");
        assertThat(optionProblems(forms)).contains("no form offers civilAffairsCheck: was the field renamed?");
    }

    @Test
    void theCategoryTableDecidesAmongTheEnumsCategoriesAndTestsOnlyKnownCauses() {
        DmnModelInstance dmn = Dmn.readModelFromFile(CATEGORY_TABLE.toFile());
        DecisionTable table = dmn.getModelElementById("hardshipCategoryTable");

        Set<String> decided = column(table, outputIndex(table, "category"), true);
        assertThat(decided).as("categories the table decides")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(HardshipCategory.values()).map(Enum::name).toList());

        Set<String> tested = column(table, inputIndex(table, "hardshipCause"), false);
        assertThat(tested).as("causes the table tests").isNotEmpty()
                .isSubsetOf(Arrays.stream(HardshipCause.values()).map(HardshipCause::code).toList());
    }

    static List<String> optionProblems(Map<String, JsonNode> forms) {
        List<String> problems = new ArrayList<>();
        Set<String> offered = new LinkedHashSet<>();
        forms.forEach((id, form) -> LISTS.forEach((key, expected) -> {
            for (JsonNode field : fields(form, key)) {
                offered.add(key);
                List<String> options = new ArrayList<>();
                field.path("values").forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
                if (!options.equals(expected)) {
                    problems.add(id + ": " + key + " offers " + options + ", the enum defines " + expected);
                }
            }
        }));
        LISTS.keySet().stream().filter(key -> !offered.contains(key)).sorted()
                .forEach(key -> problems.add("no form offers " + key + ": was the field renamed?"));
        return problems;
    }

    private static <E> List<String> options(Stream<E> constants, Function<E, String> code, Function<E, String> label) {
        return constants.map(c -> code.apply(c) + "=" + label.apply(c)).toList();
    }

    private static List<String> fileableCategories() {
        return options(Arrays.stream(HardshipCategory.values()).filter(HardshipCategory::fileable), Enum::name,
                HardshipCategory::label);
    }

    /** Every Camunda Form by its id. */
    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(Path.of("forms"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                forms.put(form.path("id").asText(), form);
            }
        }
        return forms;
    }

    /** The form's choice fields keyed {@code key}, wherever they are nested (groups, dynamic lists). */
    private static List<JsonNode> fields(JsonNode form, String key) {
        return form.findParents("key").stream()
                .filter(c -> key.equals(c.path("key").asText()) && c.has("type") && c.has("values")).toList();
    }

    private static JsonNode field(JsonNode form, String key) {
        return fields(form, key).get(0);
    }

    private static int outputIndex(DecisionTable table, String name) {
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) return i;
        }
        throw new AssertionError("the category table has no output " + name);
    }

    private static int inputIndex(DecisionTable table, String expression) {
        List<Input> inputs = List.copyOf(table.getInputs());
        for (int i = 0; i < inputs.size(); i++) {
            if (expression.equals(inputs.get(i).getInputExpression().getText().getTextContent().trim())) return i;
        }
        throw new AssertionError("the category table has no input " + expression);
    }

    /** The quoted strings of one column across the rules (outputs: every cell must be one). */
    private static Set<String> column(DecisionTable table, int index, boolean output) {
        Set<String> values = new LinkedHashSet<>();
        for (Rule rule : table.getRules()) {
            String cell = output ? List.copyOf(rule.getOutputEntries()).get(index).getText().getTextContent()
                    : List.copyOf(rule.getInputEntries()).get(index).getText().getTextContent();
            Matcher quoted = QUOTED.matcher(cell);
            boolean any = false;
            while (quoted.find()) {
                any = true;
                values.add(quoted.group(1));
            }
            assertThat(any || !output).as("rule %s decides a category as a quoted code: %s", rule.getId(), cell)
                    .isTrue();
        }
        return values;
    }
}
