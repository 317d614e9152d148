//! Snapshots of every plain-text article of the demo corpus, one table line per item.

use std::path::{Path, PathBuf};

use crate::support::{render, run};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/corpus");

/// The articles snapshotted, by file name. `every_corpus_article_has_a_snapshot` keeps this in
/// step with the directory.
const ARTICLES: &[&str] = &[
    "are-kaz-economic-ties-2024.txt",
    "are-uzb-mirziyoyev-abu-dhabi-2019-03.txt",
    "chn-kgz-sco-founding-shanghai-2001-06.txt",
    "chn-mrt-arab-china-forum-beijing-2024-05.txt",
    "dza-mar-ties-cut-2021-08.txt",
    "egy-chn-sisi-beijing-en-2024-05.txt",
    "irq-swe-embassy-baghdad-2023-07.txt",
    "isr-lbn-ceasefire-2024-11.txt",
    "isr-pse-gaza-truce-2023-11.txt",
    "kaz-oic-astana-cfm-en-2011-06.txt",
    "kaz-syr-astana-talks-2017-01.txt",
    "kgz-tjk-border-clashes-en-2022-09.txt",
    "kwt-uzb-kuwait-fund.cp1256.txt",
    "lbn-sau-arab-summit-beirut-2002-03.txt",
    "omn-irn-haitham-tehran-2023-05.txt",
    "pak-irn-strikes-en-2024-01.txt",
    "sau-can-ambassador-expelled-2018-08.txt",
    "sau-can-relations-restored-en-2023-05.txt",
    "sau-idn-asean-gcc-summit-en-2023-10.txt",
    "sau-irn-arab-islamic-summit-2023-11.txt",
    "sau-irn-beijing-deal-en-2023-03.txt",
    "sau-irn-embassy-tehran-2016-01.txt",
    "sau-kaz-falih-nursultan-2021-09.txt",
    "sau-kaz-fm-letter-riyadh.txt",
    "sau-kaz-interior-2025-12.txt",
    "sau-kaz-interior-riyadh-2025-12-18.txt",
    "sau-kaz-jeddah-summit-2023-07.txt",
    "sau-kaz-jeddah-summit-reprint-2023-07.txt",
    "sau-kaz-relations-since-1994.txt",
    "sau-lbn-kordahi-2021-10.txt",
    "sau-qat-alula-declaration-2021-01.txt",
    "sau-qat-ties-cut-2017-06.txt",
    "sau-syr-arab-summit-jeddah-en-2023-05.txt",
    "tur-pse-oic-summit-istanbul-2017-12.txt",
    "tur-rus-su24-en-2015-11.txt",
    "usa-yem-houthi-strikes-en-2024-01.txt",
    "uzb-qat-gcc-central-asia-tashkent-2024-04.txt",
];

fn path(name: &str) -> PathBuf {
    Path::new(CORPUS).join(name)
}

/// The article's text: UTF-8, or windows-1256 for `*.cp1256.txt`.
fn read(name: &str) -> String {
    let bytes = std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    if name.ends_with(".cp1256.txt") {
        let (text, had_errors) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(&bytes);
        assert!(!had_errors, "{name}: not valid windows-1256");
        text.into_owned()
    } else {
        let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)
    }
}

fn check(name: &str) {
    let text = read(name);
    let x = run(&text);
    let snapshot = name.trim_end_matches(".txt").replace('.', "_");
    insta::assert_snapshot!(snapshot, render(&text, &x));
}

macro_rules! articles {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*
    };
}

articles! {
    are_kaz_economic_ties_2024 => "are-kaz-economic-ties-2024.txt",
    are_uzb_mirziyoyev_abu_dhabi_2019_03 => "are-uzb-mirziyoyev-abu-dhabi-2019-03.txt",
    chn_kgz_sco_founding_shanghai_2001_06 => "chn-kgz-sco-founding-shanghai-2001-06.txt",
    chn_mrt_arab_china_forum_beijing_2024_05 => "chn-mrt-arab-china-forum-beijing-2024-05.txt",
    dza_mar_ties_cut_2021_08 => "dza-mar-ties-cut-2021-08.txt",
    egy_chn_sisi_beijing_en_2024_05 => "egy-chn-sisi-beijing-en-2024-05.txt",
    irq_swe_embassy_baghdad_2023_07 => "irq-swe-embassy-baghdad-2023-07.txt",
    isr_lbn_ceasefire_2024_11 => "isr-lbn-ceasefire-2024-11.txt",
    isr_pse_gaza_truce_2023_11 => "isr-pse-gaza-truce-2023-11.txt",
    kaz_oic_astana_cfm_en_2011_06 => "kaz-oic-astana-cfm-en-2011-06.txt",
    kaz_syr_astana_talks_2017_01 => "kaz-syr-astana-talks-2017-01.txt",
    kgz_tjk_border_clashes_en_2022_09 => "kgz-tjk-border-clashes-en-2022-09.txt",
    kwt_uzb_kuwait_fund_cp1256 => "kwt-uzb-kuwait-fund.cp1256.txt",
    lbn_sau_arab_summit_beirut_2002_03 => "lbn-sau-arab-summit-beirut-2002-03.txt",
    omn_irn_haitham_tehran_2023_05 => "omn-irn-haitham-tehran-2023-05.txt",
    pak_irn_strikes_en_2024_01 => "pak-irn-strikes-en-2024-01.txt",
    sau_can_ambassador_expelled_2018_08 => "sau-can-ambassador-expelled-2018-08.txt",
    sau_can_relations_restored_en_2023_05 => "sau-can-relations-restored-en-2023-05.txt",
    sau_idn_asean_gcc_summit_en_2023_10 => "sau-idn-asean-gcc-summit-en-2023-10.txt",
    sau_irn_arab_islamic_summit_2023_11 => "sau-irn-arab-islamic-summit-2023-11.txt",
    sau_irn_beijing_deal_en_2023_03 => "sau-irn-beijing-deal-en-2023-03.txt",
    sau_irn_embassy_tehran_2016_01 => "sau-irn-embassy-tehran-2016-01.txt",
    sau_kaz_falih_nursultan_2021_09 => "sau-kaz-falih-nursultan-2021-09.txt",
    sau_kaz_fm_letter_riyadh => "sau-kaz-fm-letter-riyadh.txt",
    sau_kaz_interior_2025_12 => "sau-kaz-interior-2025-12.txt",
    sau_kaz_interior_riyadh_2025_12_18 => "sau-kaz-interior-riyadh-2025-12-18.txt",
    sau_kaz_jeddah_summit_2023_07 => "sau-kaz-jeddah-summit-2023-07.txt",
    sau_kaz_jeddah_summit_reprint_2023_07 => "sau-kaz-jeddah-summit-reprint-2023-07.txt",
    sau_kaz_relations_since_1994 => "sau-kaz-relations-since-1994.txt",
    sau_lbn_kordahi_2021_10 => "sau-lbn-kordahi-2021-10.txt",
    sau_qat_alula_declaration_2021_01 => "sau-qat-alula-declaration-2021-01.txt",
    sau_qat_ties_cut_2017_06 => "sau-qat-ties-cut-2017-06.txt",
    sau_syr_arab_summit_jeddah_en_2023_05 => "sau-syr-arab-summit-jeddah-en-2023-05.txt",
    tur_pse_oic_summit_istanbul_2017_12 => "tur-pse-oic-summit-istanbul-2017-12.txt",
    tur_rus_su24_en_2015_11 => "tur-rus-su24-en-2015-11.txt",
    usa_yem_houthi_strikes_en_2024_01 => "usa-yem-houthi-strikes-en-2024-01.txt",
    uzb_qat_gcc_central_asia_tashkent_2024_04 => "uzb-qat-gcc-central-asia-tashkent-2024-04.txt",
}

#[test]
fn every_corpus_article_has_a_snapshot() {
    let mut on_disk: Vec<String> = std::fs::read_dir(CORPUS)
        .unwrap_or_else(|e| panic!("{CORPUS}: {e}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        ARTICLES,
        "help: add the new article to ARTICLES and to `articles!` in tests/it/snapshots.rs, then review the new snapshot"
    );
}
