package dev.tufceremony.media;

/** How a drive is attached. Only {@link #USB} and {@link #SD} drives are offered as removable media. */
public enum Bus {
    USB("USB"),
    SD("SD card"),
    NVME("NVMe"),
    /** Soldered-in eMMC storage: on the MMC bus like an SD card, but part of the machine. */
    EMMC("eMMC (internal)"),
    SATA("SATA/ATA"),
    SCSI("SCSI/SAS"),
    VIRTUAL("virtual"),
    LOOP("loop device"),
    /** A plain folder accepted with --allow-non-removable: the ceremony records it as a deviation. */
    FOLDER("plain folder"),
    OTHER("other");

    private final String displayName;

    Bus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Buses whose drives an operator can carry to a safe. */
    public boolean isRemovableMedia() {
        return this == USB || this == SD;
    }
}
