package org.nnx.saved;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Tensor;
import org.nnx.train.NamedTensor;

/** The safetensors layout byte by byte, and what a damaged file says. */
class SafetensorsTest {
    private static final List<NamedTensor> TENSORS = List.of(
            new NamedTensor("layers.0.W", Tensor.of(2, 3, 1f, -2f, 3.5f, 0f, 1e-7f, -0f)),
            new NamedTensor("layers.1.running_var", Tensor.wrap(1, 2, new double[] {0.25, Math.PI})));

    private static byte[] written() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(out, new TreeMap<>(Map.of("format", "nnx-model", "text", "line\n\"quoted\" ü")), TENSORS);
        return out.toByteArray();
    }

    @Test
    void headerLengthIsLittleEndianAndDataStartsAlignedAfterIt() throws IOException {
        byte[] file = written();
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8);
        assertEquals(8 + n + 6 * 4 + 2 * 8, file.length);
        String header = new String(file, 8, (int) n, StandardCharsets.UTF_8);
        assertEquals(
                "{\"__metadata__\":{\"format\":\"nnx-model\",\"text\":\"line\\n\\\"quoted\\\" ü\"},"
                        + "\"layers.0.W\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                        + "\"layers.1.running_var\":{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[24,40]}}",
                header.strip());
        ByteBuffer data = ByteBuffer.wrap(file, 8 + (int) n, 40).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3.5f, data.getFloat(8));
        assertEquals(Math.PI, data.getDouble(32));
    }

    @Test
    void readsBackEveryBitAndTheMetadata() throws IOException {
        Safetensors.Content content = Safetensors.read(written());
        assertEquals("line\n\"quoted\" ü", content.metadata().get("text"));
        assertEquals(2, content.tensors().size());
        Tensor w = content.tensors().get(0).values();
        assertEquals(2, w.rows());
        assertEquals(3, w.cols());
        assertArrayEquals(TENSORS.get(0).values().floats(), w.floats());
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(w.floats()[5]));
        assertArrayEquals(
                new double[] {0.25, Math.PI}, content.tensors().get(1).values().doubles());
    }

    @Test
    void aFileCutShortSaysWhere() throws IOException {
        byte[] file = written();
        byte[] cut = Arrays.copyOf(file, file.length - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safetensors.read(cut));
        assertEquals(
                "it is cut short: tensor 'layers.1.running_var' ends at byte 40 of the data, which holds 39",
                e.getMessage());
        IllegalArgumentException header =
                assertThrows(IllegalArgumentException.class, () -> Safetensors.read(Arrays.copyOf(file, 20)));
        assertEquals(true, header.getMessage().startsWith("it is cut short: the header needs "));
        assertEquals(
                "it is cut short: 3 bytes, not even a header",
                assertThrows(IllegalArgumentException.class, () -> Safetensors.read(new byte[3]))
                        .getMessage());
    }

    @Test
    void textThatIsNotSafetensorsIsSaidToBeSo() {
        byte[] text = "experiment x { }\n".getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safetensors.read(text));
        assertEquals(true, e.getMessage().startsWith("it is not a safetensors file"), e.getMessage());
    }

    @Test
    void jsonKeepsWholeNumbersApartFromOthers() {
        Object parsed = Json.parse(Json.write(Map.of("a", List.of(1L, 1.0, -2.5e-9, true, "x"))));
        assertEquals(Map.of("a", List.of(1L, 1.0, -2.5e-9, true, "x")), parsed);
    }
}
