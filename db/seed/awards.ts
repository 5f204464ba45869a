import type { SeedAward, SeedSource } from "./types";

const APEL: SeedSource = { name: "malangkota.go.id: apel pagi Balai Kota Malang, 18 Nov 2024" };
const HANDED_OVER = "2024-11-18";

/**
 * The six award events (eight results) handed over at the apel of 18 Nov 2024. The article
 * names the results; dates, places and organisers come from other public reports. The
 * article links no result to a particular OPD, so none is linked.
 */
export const SEED_AWARDS: SeedAward[] = [
  {
    name: "Anugerah Media Humas (AMH) 2024",
    organiser: "Kementerian Komunikasi dan Informatika",
    level: "nasional",
    date: "2024-10-10",
    place: "Bandung",
    handedOverOn: HANDED_OVER,
    source: APEL,
    results: [
      {
        category: "Kampanye Komunikasi Publik, klasifikasi Pemerintah Daerah Provinsi/Kabupaten/Kota",
        predicate: "Terbaik II (kedua nasional)",
      },
    ],
  },
  {
    name: "Jatim Public Relation Award (JPRA) 2024",
    organiser: "Diskominfo Provinsi Jawa Timur",
    level: "provinsi",
    date: "2024-10-22",
    place: "Jatim Digifest, Tuban",
    handedOverOn: HANDED_OVER,
    note: "Satu sumber menyebut 23 Oktober 2024. Hasil Kota Malang hanya disebut oleh berita apel.",
    source: APEL,
    results: [
      { category: "Program Komunikasi Publik", predicate: "Terbaik I" },
      { category: "Rilis Pers", predicate: "Terbaik II" },
      { category: "Media Sosial", predicate: "Terbaik II" },
    ],
  },
  {
    name: "Satu Data Jawa Timur (SATA) Awards 2024",
    organiser: "Diskominfo Provinsi Jawa Timur",
    level: "provinsi",
    date: "2024-10-22",
    place: "Jatim Digifest, Tuban",
    handedOverOn: HANDED_OVER,
    note: "Diserahkan pada malam yang sama dengan JPRA. Hasil Kota Malang hanya disebut oleh berita apel.",
    source: APEL,
    results: [{ category: "Pemerintah Kabupaten/Kota", predicate: "Terbaik IV" }],
  },
  {
    name: "Penghargaan Badan Publik Informatif 2024",
    organiser: "Komisi Informasi Provinsi Jawa Timur",
    level: "provinsi",
    date: "2024-11-13",
    place: "Surabaya",
    handedOverOn: HANDED_OVER,
    source: APEL,
    results: [{ category: "Pemerintah Daerah Kota/Kabupaten", predicate: "Informatif" }],
  },
  {
    name: "Predikat Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024",
    organiser: "Ombudsman Republik Indonesia",
    level: "nasional",
    date: "2024-11-14",
    place: "Jakarta",
    handedOverOn: HANDED_OVER,
    source: APEL,
    results: [
      {
        category: "Kepatuhan Penyelenggaraan Pelayanan Publik",
        predicate: "Kualitas Tertinggi (Zona Hijau)",
        score: 97.84,
      },
    ],
  },
  {
    name: "Bhumandala Award 2024",
    organiser: "Badan Informasi Geospasial (BIG)",
    level: "nasional",
    date: "2024-11-04",
    place: "Jakarta",
    handedOverOn: HANDED_OVER,
    source: APEL,
    results: [
      {
        category: "Kinerja Simpul Jaringan Informasi Geospasial",
        predicate: "Nawasena (pendatang baru terbaik)",
      },
    ],
  },
];
