package dev.tufceremony.media;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Paths whose disks are never offered as targets: the operating system ({@code /}, {@code /boot},
 * a live system's boot medium, the Windows system drive), the home folder, and the running program
 * (its jar and the Java runtime).
 * A backup written there would stay on the laptop, and a stick the program runs from may be pulled.
 */
public record SystemPaths(List<Path> paths) {

    public SystemPaths {
        paths = List.copyOf(paths);
    }

    public static SystemPaths of(String... paths) {
        List<Path> list = new ArrayList<>();
        for (String p : paths) {
            list.add(Path.of(p));
        }
        return new SystemPaths(list);
    }

    /** The paths of this machine and this process, resolved through symbolic links where possible. */
    public static SystemPaths current() {
        Set<Path> set = new LinkedHashSet<>();
        for (Path root : Path.of("").toAbsolutePath().getFileSystem().getRootDirectories()) {
            // On Windows only the system drive counts, not every letter; below adds it via SystemRoot.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                set.add(root);
            }
        }
        addIfSet(set, "/boot");
        addIfSet(set, "/boot/efi");
        // The medium a live system (Debian live, Tails, Ubuntu, Fedora, Arch) booted from.
        for (String live : new String[] {"/run/live/medium", "/lib/live/mount/medium", "/cdrom",
                "/run/initramfs/live", "/run/archiso/bootmnt"}) {
            addIfSet(set, live);
        }
        addIfSet(set, System.getenv("SystemDrive") == null ? null : System.getenv("SystemDrive") + "\\");
        addIfSet(set, System.getenv("SystemRoot"));
        addIfSet(set, System.getProperty("user.home"));
        addIfSet(set, System.getProperty("java.home"));
        try {
            CodeSource source = SystemPaths.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                set.add(real(Path.of(source.getLocation().toURI())));
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // Not a file location (e.g. a custom class loader): the other paths still apply.
        }
        return new SystemPaths(new ArrayList<>(set));
    }

    private static void addIfSet(Set<Path> set, String path) {
        if (path != null && !path.isBlank()) {
            Path p = Path.of(path);
            if (Files.exists(p)) {
                set.add(real(p));
            }
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
