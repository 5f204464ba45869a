import type { SeedEvent, SeedIssue, SeedSource } from "./types";

const APEL_2024_11_18: SeedSource = {
  name: "malangkota.go.id: amanat Pj. Wali Kota pada apel pagi, 18 Nov 2024",
};

/** 10 Sep 2024: the 11 issues are presented to the DPRD in the KUA-PPAS 2025 meeting. */
const PRESENTED_TO_DPRD: SeedEvent = {
  date: "2024-09-10",
  stage: "identifikasi",
  note: "Ditetapkan sebagai salah satu dari 11 isu prioritas hasil belanja masalah dan dipaparkan kepada DPRD dalam rapat KUA-PPAS 2025.",
  source: { name: "Rapat KUA-PPAS 2025 bersama DPRD Kota Malang, 10 Sep 2024" },
};

/**
 * The 11 priority issues with their dated events, true to the public sources. Where a source
 * gives no percentage, an event carries its stage and no progress figure; figures a source
 * does not confirm are left out.
 */
export const SEED_ISSUES: SeedIssue[] = [
  {
    number: 1,
    title: "Revitalisasi Pasar Besar",
    description:
      "Revitalisasi Pasar Besar Malang dan pasar rakyat lainnya. Sekitar Rp300 miliar diusulkan dari APBN melalui Kementerian PUPR; APBD 2025 menyediakan Rp10 miliar untuk relokasi pedagang.",
    location: "Pasar Besar Malang dan pasar rakyat lainnya",
    lead: "Diskopindag",
    chain: [
      { code: "KemenPUPR", role: "mitra", note: "Usulan pendanaan APBN; meninjau DED", since: "2024-11-01" },
    ],
    funding: [
      {
        reportedOn: "2024-08-27",
        source: "apbn",
        description: "Usulan pendanaan revitalisasi (sekitar Rp300 miliar), belum disetujui",
        planned: 300_000_000_000,
        donor: "KemenPUPR",
        confirmed: false,
      },
      {
        reportedOn: "2025-01-31",
        reportedOnPrecision: "month",
        source: "apbd_kota",
        description: "Relokasi pedagang",
        fiscalYear: 2025,
        planned: 10_000_000_000,
        sourceInfo: { name: "mattanews.co" },
      },
    ],
    events: [
      {
        date: "2024-08-27",
        stage: "perencanaan",
        note: "Diskopindag menyusun proposal revitalisasi Pasar Besar untuk diajukan ke pemerintah pusat.",
        source: { name: "malang-post.com" },
      },
      {
        date: "2024-11-01",
        stage: "perencanaan",
        note: "Kementerian PUPR meninjau DED (detail engineering design) revitalisasi Pasar Besar.",
        source: { name: "jurnalismalang.com" },
      },
      {
        date: "2025-01-31",
        precision: "month",
        stage: "penganggaran",
        note: "Rp10 miliar dialokasikan dalam APBD 2025 untuk relokasi pedagang.",
        source: { name: "mattanews.co" },
      },
      {
        date: "2025-02-06",
        stage: "penganggaran",
        health: "at_risk",
        note: "Pendanaan revitalisasi dari APBN terancam kebijakan efisiensi belanja.",
        obstacles: "Efisiensi belanja negara menurut Inpres Nomor 1 Tahun 2025.",
        source: { name: "tugusatu.com" },
      },
    ],
  },
  {
    number: 2,
    title: "Porprov Jatim 2025",
    description:
      "Kota Malang menjadi salah satu tuan rumah Pekan Olahraga Provinsi (Porprov) Jawa Timur 2025; Stadion Gajayana diperbaiki dengan APBD.",
    location: "Stadion Gajayana dan venue Porprov di Kota Malang",
    lead: "Disporapar",
    chain: [{ code: "KONI", role: "mitra" }],
    funding: [
      {
        reportedOn: "2025-01-23",
        source: "apbd_kota",
        description: "Perbaikan Stadion Gajayana (APBD murni, sekitar Rp10 miliar)",
        fiscalYear: 2025,
        planned: 10_000_000_000,
        sourceInfo: { name: "jatimtimes.com" },
      },
    ],
    targetDate: "2025-06-28",
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2025-01-23",
        stage: "penganggaran",
        note: "Sekitar Rp10 miliar APBD murni 2025 dianggarkan untuk perbaikan Stadion Gajayana.",
        source: { name: "jatimtimes.com" },
      },
      {
        date: "2025-04-10",
        stage: "penganggaran",
        note: "Porprov Jatim 2025 dijadwalkan berlangsung 28 Juni – 5 Juli 2025.",
        source: { name: "malang-post.com" },
      },
    ],
  },
  {
    number: 3,
    title: "Pembangunan / rehabilitasi TPS",
    description:
      "Pembangunan dan rehabilitasi enam tempat penampungan sampah sementara (TPS) melalui dana CSR Forum TSP, sekitar Rp2 miliar. Sumber berbeda tentang enam lokasi mana yang dimaksud.",
    location: "Enam lokasi TPS (sumber berbeda tentang lokasinya)",
    lead: "DLH",
    chain: [{ code: "Forum-TSP", role: "donor", note: "Penyalur dana CSR", since: "2024-11-18" }],
    funding: [
      {
        source: "csr",
        description: "CSR melalui Forum TSP untuk enam TPS (sekitar Rp2 miliar)",
        planned: 2_000_000_000,
        donor: "Forum-TSP",
      },
    ],
    indicator: { label: "TPS selesai dibangun atau direhabilitasi", unit: "TPS", target: 6, baseline: 0 },
    targetDate: "2024-12-31",
    targetDatePrecision: "month",
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-11-18",
        stage: "penanganan",
        note: "Pj. Wali Kota melaporkan rehabilitasi TPS melalui program TSP telah memasuki tahap penanganan.",
        source: APEL_2024_11_18,
      },
      {
        date: "2025-03-14",
        stage: "selesai",
        physicalProgress: 100,
        indicatorValue: 6,
        note: "Keenam TPS selesai 100% dan telah diserahterimakan.",
        source: { name: "jatim.tribunnews.com" },
      },
    ],
  },
  {
    number: 4,
    title: "Banjir kawasan Soekarno-Hatta",
    description:
      "Penanganan banjir kawasan Jl. Soekarno-Hatta dengan saluran sekitar 1,3 km dari Jl. Candi Panggung ke Sungai Brantas, dibangun oleh Dinas PU SDA Provinsi Jawa Timur; Pemkot menambah sodetan.",
    location: "Kawasan Jl. Soekarno-Hatta: Jl. Candi Panggung sampai Sungai Brantas",
    lead: "DPUPRPKP",
    leadNote: "OPD kota; pembangunan saluran oleh Dinas PU SDA Provinsi Jawa Timur",
    chain: [
      {
        code: "DPUSDA-Jatim",
        role: "pelaksana",
        note: "Membangun saluran dengan APBD Provinsi",
        since: "2024-10-29",
      },
    ],
    funding: [
      {
        key: "sipd",
        reportedOn: "2024-10-29",
        source: "apbd_provinsi",
        description: "Saluran pengendali banjir, tercatat Rp22 miliar di SIPD Pemerintah Provinsi Jawa Timur",
        planned: 22_000_000_000,
        donor: "DPUSDA-Jatim",
        sourceInfo: { name: "infomalang.com" },
      },
      {
        // The source gives the revised amount without a date: shown in today's view only.
        replaces: "sipd",
        source: "apbd_provinsi",
        description: "Saluran pengendali banjir (semula Rp22 miliar di SIPD provinsi), kemudian Rp32 miliar",
        fiscalYear: 2025,
        planned: 32_000_000_000,
        donor: "DPUSDA-Jatim",
      },
      {
        reportedOn: "2025-03-09",
        source: "apbd_kota",
        description: "Sodetan",
        fiscalYear: 2025,
        planned: 1_400_000_000,
        sourceInfo: { name: "malangpagi.com" },
      },
    ],
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-09-11",
        stage: "perencanaan",
        note: "Direncanakan saluran sekitar 1,3 km dari Jl. Candi Panggung menuju Sungai Brantas.",
        source: { name: "jatimtimes.com" },
      },
      {
        date: "2024-10-29",
        stage: "penganggaran",
        note: "Rp22 miliar tercatat dalam SIPD Pemerintah Provinsi Jawa Timur.",
        source: { name: "infomalang.com" },
      },
      {
        date: "2024-11-18",
        stage: "penanganan",
        note: "Pj. Wali Kota melaporkan penanganan banjir Soekarno-Hatta telah teralokasikan melalui Pemerintah Provinsi dan masuk tahap penanganan.",
        source: APEL_2024_11_18,
      },
      {
        date: "2025-01-17",
        stage: "pengadaan",
        note: "Pekerjaan saluran dalam tahap pengadaan oleh Pemerintah Provinsi. Tahap dicatat mundur: pada apel 18 Nov 2024 isu ini disebut masuk penanganan karena anggarannya telah teralokasi, sedangkan pekerjaan fisiknya masih menunggu pengadaan.",
        source: { name: "jatimtimes.com" },
      },
      {
        date: "2025-03-09",
        stage: "pengadaan",
        note: "Pemkot menganggarkan Rp1,4 miliar untuk sodetan.",
        source: { name: "malangpagi.com" },
      },
    ],
  },
  {
    number: 5,
    title: "Lahan parkir Kayutangan Heritage",
    description:
      "Penyediaan lahan parkir untuk kawasan Kayutangan Heritage di lahan eks Bank Syariah Mandiri, dibeli dengan APBD 2025.",
    location: "Lahan eks Bank Syariah Mandiri, kawasan Kayutangan Heritage",
    lead: "Dishub",
    funding: [
      {
        reportedOn: "2025-02-12",
        source: "apbd_kota",
        description: "Pembelian lahan eks Bank Syariah Mandiri",
        fiscalYear: 2025,
        realised: 25_300_000_000,
        sourceInfo: { name: "malangkota.go.id", url: "https://malangkota.go.id/?p=53481" },
      },
    ],
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-11-17",
        stage: "pengadaan",
        note: "Pengadaan lahan eks Bank Syariah Mandiri memasuki tahap appraisal (penilaian) kedua.",
        source: { name: "tugusatu.com" },
      },
      {
        date: "2025-02-12",
        stage: "penanganan",
        note: "Lahan eks Bank Syariah Mandiri dibeli senilai Rp25,3 miliar.",
        source: { name: "malangkota.go.id", url: "https://malangkota.go.id/?p=53481" },
      },
    ],
  },
  {
    number: 6,
    title: "Pengembangan MCC dan usaha mikro",
    description:
      "Pengembangan Malang Creative Center (MCC) dan pembinaan usaha mikro agar naik kelas menjadi usaha kecil. Pendanaan belum terkonfirmasi.",
    location: "Malang Creative Center (MCC)",
    lead: "Diskopindag",
    measure: "indikator",
    indicator: { label: "Usaha mikro naik kelas menjadi usaha kecil", unit: "usaha", target: 180 },
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-09-16",
        stage: "perencanaan",
        note: "Ditargetkan 180 usaha mikro naik kelas menjadi usaha kecil.",
        source: { name: "ketik.com" },
      },
    ],
  },
  {
    number: 7,
    title: "Rehabilitasi gedung SD/SMP",
    description:
      "Rehabilitasi gedung sekolah dasar dan menengah pertama yang rusak (51 SD dan 13 SMP), antara lain melalui CSR (program TSP).",
    location: "51 SD dan 13 SMP, antara lain SDN Ketawanggede",
    lead: "Disdikbud",
    chain: [{ code: "PT-STSA", role: "donor", note: "CSR untuk SDN Ketawanggede", since: "2024-11-12" }],
    funding: [
      {
        reportedOn: "2024-11-12",
        source: "csr",
        description: "Rehabilitasi SDN Ketawanggede",
        planned: 612_200_000,
        donor: "PT-STSA",
        sourceInfo: { name: "suaradata.com; lenteratoday.com" },
      },
    ],
    events: [
      {
        date: "2024-09-10",
        stage: "identifikasi",
        note: "Tercatat 51 gedung SD dan 13 gedung SMP dalam kondisi rusak.",
        source: { name: "tugusatu.com" },
      },
      {
        date: "2024-11-12",
        stage: "penanganan",
        note: "Rehabilitasi SDN Ketawanggede dimulai dengan CSR PT Sapta Tunggal Surya Abadi (Citra Garden) senilai Rp612,2 juta.",
        source: { name: "suaradata.com; lenteratoday.com" },
      },
      {
        date: "2024-11-18",
        stage: "penanganan",
        note: "Pj. Wali Kota melaporkan renovasi gedung SD oleh pelaku usaha melalui program TSP telah memasuki tahap penanganan.",
        source: APEL_2024_11_18,
      },
      {
        date: "2025-02-14",
        stage: "penanganan",
        note: "Gedung SDN Ketawanggede hasil rehabilitasi diserahterimakan.",
        source: { name: "malangkota.go.id" },
      },
    ],
  },
  {
    number: 8,
    title: "Bantuan sosial terpadu",
    description:
      "Penyaluran bantuan sosial secara terpadu. Pendanaan dan target penerima belum terkonfirmasi.",
    lead: "Dinsos-P3AP2KB",
    measure: "indikator",
    indicator: { label: "Penerima bantuan yang terjangkau", unit: "penerima" },
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-09-25",
        stage: "identifikasi",
        note: "Program bantuan sosial terpadu diberitakan; rinciannya belum terkonfirmasi.",
        source: { name: "jatimtimes.com" },
      },
      {
        date: "2024-12-10",
        stage: "penanganan",
        indicatorValue: 300,
        note: "Bantuan \u201cMalang Gesit\u201d disalurkan kepada 300 penerima.",
        source: { name: "ketik.co.id" },
      },
    ],
  },
  {
    number: 9,
    title: "Realisasi anggaran",
    description:
      "Percepatan penyerapan APBD 2024 (Rp2,573 triliun) dengan target realisasi 97,5%. Tidak ada sumber yang menyebut OPD pengampunya.",
    lead: "BKAD",
    leadNote: "Belum terkonfirmasi: tidak ada sumber yang menyebut OPD pengampu",
    funding: [
      {
        reportedOn: "2024-10-31",
        reportedOnPrecision: "month",
        source: "apbd_kota",
        description: "APBD Kota Malang 2024 (seluruh belanja)",
        fiscalYear: 2024,
        planned: 2_573_000_000_000,
        sourceInfo: { name: "infomalang.com" },
      },
    ],
    measure: "indikator",
    indicator: { label: "Realisasi APBD 2024", unit: "persen", target: 97.5, baseline: 0 },
    targetDate: "2024-12-31",
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-10-31",
        precision: "month",
        stage: "identifikasi",
        budgetProgress: 58,
        indicatorValue: 58,
        note: "Realisasi belanja APBD 2024 mencapai 58% hingga Oktober 2024, dari target 97,5%.",
        source: { name: "infomalang.com" },
      },
    ],
  },
  {
    number: 10,
    title: "Optimalisasi PBB",
    description:
      "Optimalisasi penerimaan Pajak Bumi dan Bangunan (PBB) sebagai pendapatan asli daerah (PAD).",
    lead: "Bapenda",
    measure: "indikator",
    indicator: { label: "Penerimaan PBB", unit: "rupiah", target: 73_000_000_000, baseline: 0 },
    events: [
      PRESENTED_TO_DPRD,
      {
        date: "2024-11-12",
        stage: "identifikasi",
        indicatorValue: 68_300_000_000,
        note: "Penerimaan PBB mencapai Rp68,3 miliar dari target Rp73 miliar per 12 November 2024 (diberitakan 19 Nov 2024).",
        source: { name: "tugusatu.com" },
      },
    ],
  },
  {
    number: 11,
    title: "Revitalisasi Alun-Alun Merdeka",
    description: "Revitalisasi Alun-Alun Merdeka dengan dana CSR Bank Jatim; nilai pekerjaan Rp5,2 miliar.",
    location: "Alun-Alun Merdeka",
    lead: "DLH",
    leadNote: "Penerima manfaat",
    chain: [{ code: "Bank-Jatim", role: "donor", note: "CSR", since: "2024-09-09" }],
    funding: [
      {
        source: "csr",
        description: "Pekerjaan revitalisasi Alun-Alun Merdeka",
        planned: 5_200_000_000,
        donor: "Bank-Jatim",
        sourceInfo: { name: "ketik.com; jatimku.com" },
      },
    ],
    events: [
      {
        date: "2024-09-09",
        stage: "perencanaan",
        note: "Revitalisasi Alun-Alun Merdeka direncanakan melalui CSR Bank Jatim.",
        source: { name: "ketik.co.id" },
      },
      {
        date: "2025-07-31",
        precision: "month",
        stage: "penanganan",
        note: "Pekerjaan revitalisasi dimulai pada Juli 2025.",
        source: { name: "ketik.com" },
      },
      {
        date: "2026-01-20",
        stage: "selesai",
        note: "Revitalisasi selesai sekitar 20 Januari 2026.",
        source: { name: "ketik.com; jatimku.com" },
      },
    ],
  },
];
