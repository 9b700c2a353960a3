package org.nnx.saved;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;
import org.nnx.train.NamedTensor;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header that gives each tensor's dtype,
 * shape and byte range, and a {@code __metadata__} object of strings; then the tensors' raw little-endian bytes,
 * one after another in the header's order. nnx writes float32 tensors as {@code F32} and float64 ones as
 * {@code F64}, each of shape {@code [rows, cols]}, and pads the header with spaces to a multiple of 8 bytes, so
 * the data starts aligned. numpy, PyTorch and the safetensors libraries read it without nnx.
 */
public final class Safetensors {
    /** The largest header read: a header past it is not one nnx wrote. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private static final String METADATA = "__metadata__";

    /** What a file holds: its metadata and its tensors, in the file's order. */
    public record Content(Map<String, String> metadata, List<NamedTensor> tensors) {
        public Content {
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            tensors = List.copyOf(tensors);
        }
    }

    private Safetensors() {}

    public static void write(OutputStream out, Map<String, String> metadata, List<NamedTensor> tensors)
            throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(METADATA, new LinkedHashMap<>(metadata));
        long offset = 0;
        for (NamedTensor tensor : tensors) {
            Tensor values = tensor.values();
            long bytes = (long) values.size() * (values.isFloat() ? 4 : 8);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", values.isFloat() ? "F32" : "F64");
            entry.put("shape", List.of((long) values.rows(), (long) values.cols()));
            entry.put("data_offsets", List.of(offset, offset + bytes));
            if (header.put(tensor.name(), entry) != null) {
                throw new IllegalArgumentException("two tensors named " + tensor.name());
            }
            offset += bytes;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer start = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        start.putLong(padded).put(json);
        while (start.hasRemaining()) {
            start.put((byte) ' ');
        }
        out.write(start.array());
        for (NamedTensor tensor : tensors) {
            out.write(bytesOf(tensor.values()));
        }
    }

    private static byte[] bytesOf(Tensor values) {
        ByteBuffer buffer =
                ByteBuffer.allocate(values.size() * (values.isFloat() ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        if (values.isFloat()) {
            buffer.asFloatBuffer().put(values.floats());
        } else {
            buffer.asDoubleBuffer().put(values.doubles());
        }
        return buffer.array();
    }

    /** @throws SavedModelException naming {@code file} when it is missing or cannot be read */
    static byte[] bytes(Path file) throws SavedModelException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SavedModelException(file + ": no such file");
        } catch (IOException e) {
            throw new SavedModelException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The content of a whole file's bytes.
     *
     * @throws IllegalArgumentException saying what is wrong: cut short, not safetensors, a dtype nnx does not
     *                                  read (it reads F32 and F64 of one or two dimensions)
     */
    public static Content read(byte[] file) {
        if (file.length < 8) {
            throw new IllegalArgumentException("it is cut short: " + file.length + " bytes, not even a header");
        }
        long headerBytes =
                ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("it is not a safetensors file (header length " + headerBytes + ")");
        }
        if (8 + headerBytes > file.length) {
            throw new IllegalArgumentException(
                    "it is cut short: the header needs " + headerBytes + " bytes, " + (file.length - 8) + " follow");
        }
        Object parsed;
        try {
            parsed = Json.parse(new String(file, 8, (int) headerBytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "it is not a safetensors file: its header is not JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new IllegalArgumentException("it is not a safetensors file: its header is not a JSON object");
        }
        long dataStart = 8 + headerBytes;
        long dataBytes = file.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<NamedTensor> tensors = new ArrayList<>();
        for (Map.Entry<?, ?> entry : header.entrySet()) {
            String name = (String) entry.getKey();
            if (name.equals(METADATA)) {
                metadata(entry.getValue(), metadata);
                continue;
            }
            TensorEntry tensor = TensorEntry.of(name, entry.getValue());
            if (tensor.end() > dataBytes) {
                throw new IllegalArgumentException("it is cut short: tensor '" + name + "' ends at byte " + tensor.end()
                        + " of the data, which holds " + dataBytes);
            }
            tensors.add(new NamedTensor(name, tensor.values(file, (int) dataStart)));
        }
        return new Content(metadata, tensors);
    }

    private static void metadata(Object value, Map<String, String> into) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("its __metadata__ is not an object");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw new IllegalArgumentException("its __metadata__ '" + entry.getKey() + "' is not a string");
            }
            into.put((String) entry.getKey(), text);
        }
    }

    /** One tensor's header entry, checked. */
    private record TensorEntry(String name, boolean isFloat, int rows, int cols, long begin, long end) {
        static TensorEntry of(String name, Object value) {
            if (!(value instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("tensor '" + name + "' has no header entry");
            }
            Object dtype = entry.get("dtype");
            if (!"F32".equals(dtype) && !"F64".equals(dtype)) {
                throw new IllegalArgumentException(
                        "tensor '" + name + "' is of dtype " + dtype + "; nnx reads F32 and F64");
            }
            List<Long> shape = longs(name, "shape", entry.get("shape"));
            List<Long> offsets = longs(name, "data_offsets", entry.get("data_offsets"));
            if (shape.isEmpty() || shape.size() > 2 || offsets.size() != 2) {
                throw new IllegalArgumentException("tensor '" + name + "' has shape " + shape + " and offsets "
                        + offsets + "; nnx reads tensors of one or two dimensions");
            }
            long rows = shape.size() == 2 ? shape.get(0) : 1;
            long cols = shape.get(shape.size() - 1);
            boolean isFloat = dtype.equals("F32");
            long begin = offsets.get(0);
            long end = offsets.get(1);
            if (rows < 0
                    || cols < 0
                    || rows * cols > Integer.MAX_VALUE
                    || begin < 0
                    || end - begin != rows * cols * (isFloat ? 4 : 8)) {
                throw new IllegalArgumentException(
                        "tensor '" + name + "' of shape " + shape + " does not fit bytes " + begin + " to " + end);
            }
            return new TensorEntry(name, isFloat, (int) rows, (int) cols, begin, end);
        }

        Tensor values(byte[] file, int dataStart) {
            ByteBuffer bytes = ByteBuffer.wrap(file, dataStart + (int) begin, (int) (end - begin))
                    .slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
            Tensor tensor = Tensor.zeros(isFloat ? Precision.FLOAT32 : Precision.FLOAT64, rows, cols);
            if (isFloat) {
                bytes.asFloatBuffer().get(tensor.floats());
            } else {
                bytes.asDoubleBuffer().get(tensor.doubles());
            }
            return tensor;
        }

        private static List<Long> longs(String name, String field, Object value) {
            if (!(value instanceof List<?> list) || !list.stream().allMatch(Long.class::isInstance)) {
                throw new IllegalArgumentException("tensor '" + name + "' has no whole-number " + field);
            }
            return list.stream().map(Long.class::cast).toList();
        }
    }
}
