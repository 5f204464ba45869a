/** Indonesian texts of the errors the Sekda office's procedures answer with. */
export const errors = {
  userNotFound: "Akun tidak ditemukan.",
  usernameTaken: "Nama pengguna ini sudah dipakai akun lain.",
  agencyCodeUnknown: "Tidak ada OPD dengan kode ini.",
  accountAgencyNotOpd: "Akun OPD hanya untuk perangkat daerah Kota Malang, bukan pihak luar.",
  cannotDeactivateSelf: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
  cannotChangeOwnRole: "Anda tidak dapat mengubah peran akun Anda sendiri.",

  agencyNotFound: "Instansi tidak ditemukan.",
  agencyCodeTaken: "Kode ini sudah dipakai instansi lain.",
  kindHasAccounts: "Instansi ini masih memiliki akun OPD, jadi jenisnya harus tetap OPD.",
  kindLeadsIssue: "Instansi ini masih menjadi OPD pengampu isu prioritas, jadi jenisnya harus tetap OPD.",

  issueNotFound: "Isu tidak ditemukan.",
  leadNotOpd: "OPD pengampu harus perangkat daerah Kota Malang, bukan pihak luar.",
  leadInChain: "OPD ini ada di rantai pelaksana isu ini. Keluarkan dulu dari rantai, lalu jadikan pengampu.",
  chainHasLead: "OPD pengampu tidak dicantumkan lagi di rantai pelaksana.",
  targetBeforeStart: "Target selesai tidak boleh sebelum tanggal mulai.",
  fundingNotFound: "Baris pendanaan tidak ditemukan.",

  awardEventNotFound: "Ajang penghargaan tidak ditemukan.",
  awardResultNotFound: "Hasil penghargaan tidak ditemukan.",
  handedOverBeforeEvent: "Tanggal penyerahan tidak boleh sebelum tanggal ajang.",

  directionNotFound: "Arahan tidak ditemukan.",
  directionAlreadyClosed: "Arahan ini sudah ditutup.",
  directionAgencyNotOpd: "Arahan ditujukan kepada perangkat daerah Kota Malang, bukan pihak luar.",
  apelInFuture: "Tanggal apel tidak boleh setelah hari ini.",
} as const;
