package jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageLayoutTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IMG_0001.jpg|IMG_0001.jpg",
        "../../etc/passwd|passwd",
        "a/b\\\\c.png|c.png",
        "my holiday+photo.jpg|my_holiday_photo.jpg",
        "café.jpg|cafe.jpg",
        "..hidden.jpg|hidden.jpg",
        "写真.jpg|upload.jpg",
        "''|upload",
    })
    void fileNamesBecomeSafeKeySegments(String name, String expected) {
        assertEquals(expected, StorageLayout.safeName(name));
    }

    @Test
    void controlCharactersAndLengthAreBounded() {
        String safe = StorageLayout.safeName("a\u0000b\nc\td" + "x".repeat(500) + ".jpeg");
        assertTrue(safe.length() <= 120, safe);
        assertTrue(safe.endsWith(".jpeg"), safe);
        assertTrue(safe.matches("[A-Za-z0-9._-]+"), safe);
    }

    @Test
    void uploadKeysRoundTripToTheirJob() {
        String key = StorageLayout.uploadKey("alice", "01JOB", "../my photo.jpg");
        assertEquals("uploads/alice/01JOB/my_photo.jpg", key);
        assertEquals(Optional.of(new StorageLayout.UploadRef("alice", "01JOB")), StorageLayout.parseUpload(key));
        assertEquals("processed/alice/01JOB/my_photo/medium.jpg",
                StorageLayout.variantKey("alice", "01JOB", StorageLayout.imageName(key), "medium", "jpg"));
    }

    @Test
    void keysOutsideTheUploadLayoutStartNoWork() {
        assertFalse(StorageLayout.parseUpload("processed/alice/01JOB/x/medium.jpg").isPresent());
        assertFalse(StorageLayout.parseUpload("uploads/alice/only-two").isPresent());
        assertFalse(StorageLayout.parseUpload("uploads//01JOB/x.jpg").isPresent());
    }
}
