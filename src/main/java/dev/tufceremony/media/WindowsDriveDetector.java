package dev.tufceremony.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Windows: one PowerShell call joins {@code Get-Partition} (drive letters), {@code Get-Disk} (BusType,
 * serial, IsSystem/IsBoot) and {@code Get-Volume} (filesystem, label, free space) into JSON. A disk
 * that Windows marks as system or boot disk, or that holds a system path's drive letter, is skipped.
 */
public final class WindowsDriveDetector implements DriveDetector {
    /** The PowerShell script; its output is what the captured test outputs look like. */
    static final String SCRIPT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "$rows = @(Get-Partition | Where-Object { $_.DriveLetter } | ForEach-Object {",
            "  $d = Get-Disk -Number $_.DiskNumber",
            "  $v = $_ | Get-Volume",
            "  [pscustomobject]@{",
            "    DiskNumber = $d.Number; BusType = [string]$d.BusType; SerialNumber = $d.SerialNumber;",
            "    FriendlyName = $d.FriendlyName; IsSystem = $d.IsSystem; IsBoot = $d.IsBoot;",
            "    DriveLetter = [string]$_.DriveLetter; FileSystem = $v.FileSystem; Label = $v.FileSystemLabel;",
            "    Size = $v.Size; SizeRemaining = $v.SizeRemaining; UniqueId = $v.UniqueId",
            "  }",
            "})",
            "ConvertTo-Json -InputObject $rows -Depth 2");

    private final CommandRunner runner;
    private final SystemPaths systemPaths;

    public WindowsDriveDetector(CommandRunner runner, SystemPaths systemPaths) {
        this.runner = runner;
        this.systemPaths = systemPaths;
    }

    static List<String> command() {
        return List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", SCRIPT);
    }

    @Override
    public List<Drive> detect() {
        JsonNode rows;
        try {
            String out = runner.run(command()).trim();
            rows = out.isEmpty() ? new ObjectMapper().createArrayNode() : new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new DriveDetectionException("Listing drives with PowerShell Get-Disk/Get-Partition/Get-Volume failed ("
                    + e.getMessage() + "), so no drive can be offered; check that PowerShell runs and try again.", e);
        }
        List<JsonNode> list = new ArrayList<>();
        if (rows.isArray()) {
            rows.forEach(list::add);
        } else if (rows.isObject()) {
            list.add(rows); // PowerShell unwraps a single-element array
        }
        Set<String> systemLetters = new HashSet<>();
        for (Path p : systemPaths.paths()) {
            String s = p.toString();
            if (s.length() >= 2 && s.charAt(1) == ':') {
                systemLetters.add(s.substring(0, 1).toUpperCase(Locale.ROOT));
            }
        }
        Set<Long> systemDisks = new HashSet<>();
        for (JsonNode r : list) {
            if (r.path("IsSystem").asBoolean(false) || r.path("IsBoot").asBoolean(false)
                    || systemLetters.contains(r.path("DriveLetter").asText("").toUpperCase(Locale.ROOT))) {
                systemDisks.add(r.path("DiskNumber").asLong(-1));
            }
        }
        List<Drive> drives = new ArrayList<>();
        for (JsonNode r : list) {
            long disk = r.path("DiskNumber").asLong(-1);
            Bus bus = bus(r.path("BusType"));
            String letter = r.path("DriveLetter").asText("");
            if (systemDisks.contains(disk) || !bus.isRemovableMedia() || letter.isEmpty()) {
                continue;
            }
            DeviceIdentity id = new DeviceIdentity("\\\\.\\PhysicalDrive" + disk, letter + ":",
                    text(r, "SerialNumber"), text(r, "UniqueId"), null);
            String label = text(r, "Label");
            drives.add(new Drive(Path.of(letter + ":\\"), label != null ? label : letter + ":", text(r, "FileSystem"),
                    r.path("Size").asLong(-1), r.path("SizeRemaining").asLong(-1), id, bus, true));
        }
        return drives;
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? null : n.asText().trim();
    }

    /** BusType as its name, or as the STORAGE_BUS_TYPE number older PowerShell versions print. */
    static Bus bus(JsonNode node) {
        String s = node.asText("").trim();
        switch (s) {
            case "USB":
            case "7":
                return Bus.USB;
            case "SD":
            case "MMC":
            case "12":
            case "13":
                return Bus.SD;
            case "NVMe":
            case "17":
                return Bus.NVME;
            case "SATA":
            case "ATA":
            case "11":
            case "3":
                return Bus.SATA;
            case "SAS":
            case "SCSI":
            case "iSCSI":
            case "1":
            case "9":
            case "10":
                return Bus.SCSI;
            case "Virtual":
            case "File Backed Virtual":
            case "14":
            case "15":
                return Bus.VIRTUAL;
            default:
                return Bus.OTHER;
        }
    }
}
