package org.nnx.builtins;

import java.util.List;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;

/** Images with class labels read from IDX files: a training and a test split. */
public record ImageDataset(ByteImageSplit trainSplit, ByteImageSplit testSplit, int features, List<String> classNames,
                           String description) implements Dataset {

    /**
     * Pairs IDX image and label files, checking that they agree.
     *
     * @param names how messages name the four sources, in the order of the arguments
     */
    public static ImageDataset of(IdxFile trainImages, IdxFile trainLabels, IdxFile testImages, IdxFile testLabels,
                                  String[] names, List<String> classNames, String description) throws DatasetException {
        ByteImageSplit train = split(trainImages, trainLabels, names[0], names[1], classNames.size());
        ByteImageSplit test = split(testImages, testLabels, names[2], names[3], classNames.size());
        if (trainImages.itemSize() != testImages.itemSize()) {
            throw new DatasetException(names[2] + ": test images have " + testImages.itemSize()
                    + " values each but training images " + trainImages.itemSize());
        }
        return new ImageDataset(train, test, trainImages.itemSize(), classNames, description);
    }

    private static ByteImageSplit split(IdxFile images, IdxFile labels, String imagesName, String labelsName,
                                        int classes) throws DatasetException {
        if (labels.dimensions().length != 1) {
            throw new DatasetException(labelsName + ": labels must be a rank-1 IDX array, got rank "
                    + labels.dimensions().length);
        }
        if (images.count() != labels.count()) {
            throw new DatasetException(imagesName + " has " + images.count() + " images but " + labelsName
                    + " has " + labels.count() + " labels");
        }
        byte[] labelBytes = labels.data();
        for (int i = 0; i < labelBytes.length; i++) {
            if ((labelBytes[i] & 0xFF) >= classes) {
                throw new DatasetException(labelsName + ": label " + (labelBytes[i] & 0xFF) + " of item " + i
                        + " is not a class in [0, " + classes + ")");
            }
        }
        return new ByteImageSplit(images.data(), labelBytes, images.itemSize());
    }

    /** This dataset with the first {@code n} training samples only. */
    public ImageDataset limitTraining(int n) {
        return new ImageDataset(trainSplit.limit(n), testSplit, features, classNames, description);
    }

    @Override
    public Split train() {
        return trainSplit;
    }

    @Override
    public Split test() {
        return testSplit;
    }
}
