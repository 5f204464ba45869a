import type { SeedAgency } from "./types";

/**
 * The OPD of Kota Malang confirmed by public reports (Perda 7/2016 as amended by Perda 5/2019;
 * no complete official list was found, so the Sekda office adds the rest), and the outside
 * parties that take part in delivering the priority issues.
 */
export const SEED_AGENCIES: SeedAgency[] = [
  {
    code: "DPUPRPKP",
    name: "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman",
    kind: "dinas",
  },
  { code: "Disdikbud", name: "Dinas Pendidikan dan Kebudayaan", kind: "dinas" },
  { code: "Dinkes", name: "Dinas Kesehatan", kind: "dinas" },
  { code: "Dispendukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: "dinas" },
  {
    code: "Disnaker-PMPTSP",
    name: "Dinas Tenaga Kerja, Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    kind: "dinas",
  },
  {
    code: "Dinsos-P3AP2KB",
    name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
    kind: "dinas",
  },
  { code: "Diskopindag", name: "Dinas Koperasi, Perindustrian dan Perdagangan", kind: "dinas" },
  { code: "Disporapar", name: "Dinas Kepemudaan, Olahraga dan Pariwisata", kind: "dinas" },
  { code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas" },
  { code: "Dishub", name: "Dinas Perhubungan", kind: "dinas" },
  { code: "Diskominfo", name: "Dinas Komunikasi dan Informatika", kind: "dinas" },
  { code: "Dispangtan", name: "Dinas Ketahanan Pangan dan Pertanian", kind: "dinas" },
  { code: "Bappeda", name: "Badan Perencanaan Pembangunan Daerah", kind: "badan" },
  { code: "BKAD", name: "Badan Pengelola Keuangan dan Aset Daerah", kind: "badan" },
  { code: "Bapenda", name: "Badan Pendapatan Daerah", kind: "badan" },
  { code: "Bakesbangpol", name: "Badan Kesatuan Bangsa dan Politik", kind: "badan" },
  { code: "Satpol PP", name: "Satuan Polisi Pamong Praja", kind: "satuan" },
  { code: "Prokompim", name: "Sekretariat Daerah, Bagian Protokol dan Komunikasi Pimpinan", kind: "bagian" },
  { code: "Kec-Blimbing", name: "Kecamatan Blimbing", kind: "kecamatan" },
  { code: "Kec-Kedungkandang", name: "Kecamatan Kedungkandang", kind: "kecamatan" },
  { code: "Kec-Klojen", name: "Kecamatan Klojen", kind: "kecamatan" },
  { code: "Kec-Lowokwaru", name: "Kecamatan Lowokwaru", kind: "kecamatan" },
  { code: "Kec-Sukun", name: "Kecamatan Sukun", kind: "kecamatan" },
  {
    code: "DPUSDA-Jatim",
    name: "Dinas Pekerjaan Umum Sumber Daya Air Provinsi Jawa Timur",
    kind: "provinsi",
  },
  { code: "KemenPUPR", name: "Kementerian Pekerjaan Umum dan Perumahan Rakyat", kind: "pusat" },
  {
    code: "Forum-TSP",
    name: "Forum Tanggung Jawab Sosial dan Lingkungan Perusahaan (Forum TSP)",
    kind: "csr",
  },
  { code: "PT-STSA", name: "PT Sapta Tunggal Surya Abadi (Citra Garden)", kind: "csr" },
  { code: "Bank-Jatim", name: "Bank Jatim", kind: "csr" },
  { code: "KONI", name: "Komite Olahraga Nasional Indonesia (KONI) Kota Malang", kind: "lainnya" },
];
