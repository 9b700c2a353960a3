package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnx.builtins.BuiltinPlugin;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;

/** The built-in datasets are registered with full parameter schemas: types, defaults, ranges and docs. */
class DatasetSchemaTest {

    private static Map<String, List<String>> schemas() {
        Map<String, List<String>> schemas = new LinkedHashMap<>();
        for (DatasetFactory factory : new BuiltinPlugin().datasets()) {
            schemas.put(
                    factory.name(),
                    factory.parameters().stream().map(ParameterSpec::describe).toList());
            for (ParameterSpec parameter : factory.parameters()) {
                assertFalse(parameter.doc().isBlank(), factory.name() + "." + parameter.name() + " has a doc line");
            }
            assertFalse(factory.description().isBlank());
        }
        return schemas;
    }

    @Test
    void everyDatasetOfTheLanguageIsRegisteredWithItsSchema() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("mnist", List.of("limit: integer, ≥ 1"));
        expected.put(
                "fashion_mnist", List.of("dir: string = /usr/share/datasets/fashion-mnist", "limit: integer, ≥ 1"));
        expected.put(
                "idx",
                List.of(
                        "images: string (required)",
                        "labels: string (required)",
                        "test_images: string (required)",
                        "test_labels: string (required)",
                        "limit: integer, ≥ 1"));
        expected.put(
                "csv",
                List.of(
                        "path: string (required)",
                        "label: string",
                        "test: string",
                        "test_fraction: number, in (0, 1)",
                        "header: boolean = true",
                        "normalize: choice standard | minmax | none = standard",
                        "limit: integer, ≥ 1",
                        "shape: image_shape, ≥ 1"));
        expected.put(
                "spiral",
                List.of(
                        "classes: integer = 3, in [2, 100]",
                        "points: integer = 100, in [1, 100000]",
                        "noise: number = 0.2, ≥ 0",
                        "limit: integer, ≥ 1"));
        assertEquals(expected, schemas());
    }
}
