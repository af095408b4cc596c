//! Item analysis as Moodle's quiz statistics report computes it (question/classes/statistics): for each
//! question the facility index, standard deviation, discrimination index and discriminative efficiency,
//! and for the quiz the coefficient of internal consistency (Cronbach's alpha).

/// One question's figures, in percent as Moodle shows them (`None` where undefined, e.g. one attempt).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    pub facility: Option<f64>,
    pub sd: Option<f64>,
    pub discrimination: Option<f64>,
    pub efficiency: Option<f64>,
}

/// `marks[a][q]`: the mark of attempt `a` on question `q`; `max[q]`: the question's maximum mark.
/// Returns the figures per question and Cronbach's alpha (a fraction, 0 to 1, `None` if undefined).
pub fn analyse(marks: &[Vec<f64>], max: &[f64]) -> (Vec<ItemStats>, Option<f64>) {
    let n = marks.len();
    let k = max.len();
    let totals: Vec<f64> = marks.iter().map(|row| row.iter().sum()).collect();
    let mut items = Vec::with_capacity(k);
    let mut sum_of_variances = 0.0;
    for (q, &max_mark) in max.iter().enumerate() {
        let mark: Vec<f64> = marks.iter().map(|row| row.get(q).copied().unwrap_or(0.0)).collect();
        let other: Vec<f64> =
            marks.iter().zip(&totals).map(|(row, t)| t - row.get(q).copied().unwrap_or(0.0)).collect();
        if n == 0 {
            items.push(ItemStats { facility: None, sd: None, discrimination: None, efficiency: None });
            continue;
        }
        let mean = mark.iter().sum::<f64>() / n as f64;
        let other_mean = other.iter().sum::<f64>() / n as f64;
        let facility = (max_mark != 0.0).then(|| 100.0 * mean / max_mark);
        if n < 2 {
            items.push(ItemStats { facility, sd: None, discrimination: None, efficiency: None });
            continue;
        }
        let d = (n - 1) as f64;
        let variance = mark.iter().map(|m| (m - mean).powi(2)).sum::<f64>() / d;
        let other_variance = other.iter().map(|m| (m - other_mean).powi(2)).sum::<f64>() / d;
        let covariance = mark.iter().zip(&other).map(|(m, o)| (m - mean) * (o - other_mean)).sum::<f64>() / d;
        // The largest covariance these two sets of marks could have: both sorted, paired in order.
        let mut sorted_mark = mark.clone();
        let mut sorted_other = other.clone();
        sorted_mark.sort_by(f64::total_cmp);
        sorted_other.sort_by(f64::total_cmp);
        let covariance_max =
            sorted_mark.iter().zip(&sorted_other).map(|(m, o)| (m - mean) * (o - other_mean)).sum::<f64>() / d;
        sum_of_variances += variance;
        let product = variance * other_variance;
        items.push(ItemStats {
            facility,
            sd: (max_mark != 0.0).then(|| 100.0 * variance.sqrt() / max_mark),
            discrimination: (product > 0.0).then(|| 100.0 * covariance / product.sqrt()),
            efficiency: (covariance_max.abs() > f64::EPSILON).then(|| 100.0 * covariance / covariance_max),
        });
    }
    let alpha = if n >= 2 && k >= 2 {
        let mean_total = totals.iter().sum::<f64>() / n as f64;
        let total_variance = totals.iter().map(|t| (t - mean_total).powi(2)).sum::<f64>() / (n - 1) as f64;
        (total_variance > 0.0).then(|| (k as f64 / (k - 1) as f64) * (1.0 - sum_of_variances / total_variance))
    } else {
        None
    };
    (items, alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-6)
    }

    /// Four attempts at three one-mark questions, worked by hand:
    ///
    /// ```text
    ///        q1 q2 q3  total
    /// A       1  1  1    3
    /// B       1  1  0    2
    /// C       1  0  0    1
    /// D       0  0  1    1
    /// ```
    /// q1: mean 0.75 → facility 75 %; variance (3·0.0625 + 0.5625)/3 = 0.25 → sd 50 %.
    /// Rest of test for q1: 2, 1, 0, 1 (mean 1); var = (1+0+1+0)/3 = 2/3.
    /// cov = (0.25·1 + 0.25·0 + 0.25·(−1) + (−0.75)·0)/3 = 0; discrimination 0.
    /// q2: marks 1,1,0,0 (mean .5), rest 2,1,1,1 (mean 1.25): cov = (.5·.75 + .5·(−.25) + (−.5)(−.25) +
    /// (−.5)(−.25))/3 = 0.5/3; var q2 = 1/3, var rest = (0.5625+3·0.0625)/3 = 0.25;
    /// discrimination = 100·(1/6)/√(1/12) = 57.735…; sorted pairing gives the same covariance, so
    /// efficiency = 100 %.
    /// Totals 3, 2, 1, 1 (mean 1.75): variance (1.5625+0.0625+0.5625+0.5625)/3 = 0.91666…;
    /// Σ item variances = 0.25 + 1/3 + 1/3 = 0.91666…; alpha = 1.5 · (1 − 1) = 0.
    #[test]
    fn matches_the_hand_computed_example() {
        let marks = vec![vec![1.0, 1.0, 1.0], vec![1.0, 1.0, 0.0], vec![1.0, 0.0, 0.0], vec![0.0, 0.0, 1.0]];
        let (items, alpha) = analyse(&marks, &[1.0, 1.0, 1.0]);
        assert!(close(items[0].facility, 75.0));
        assert!(close(items[0].sd, 50.0));
        assert!(close(items[0].discrimination, 0.0));
        assert!(close(items[1].facility, 50.0));
        assert!(close(items[1].discrimination, 100.0 * (1.0 / 6.0) / (1.0f64 / 12.0).sqrt()), "{:?}", items[1]);
        assert!(close(items[1].efficiency, 100.0));
        assert!(close(alpha, 0.0), "{alpha:?}");
    }

    #[test]
    fn a_single_attempt_gives_only_facility() {
        let (items, alpha) = analyse(&[vec![1.0, 0.0]], &[1.0, 1.0]);
        assert!(close(items[0].facility, 100.0));
        assert_eq!((items[0].sd, items[0].discrimination, alpha), (None, None, None));
    }

    #[test]
    fn consistent_items_have_a_high_alpha() {
        let marks = vec![vec![1.0, 1.0, 1.0], vec![1.0, 1.0, 0.0], vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 0.0]];
        let (_, alpha) = analyse(&marks, &[1.0, 1.0, 1.0]);
        // Totals 3,2,1,0: var 5/3; item variances 1/3, 1/4, 1/4 → Σ = 5/6; alpha = 1.5·(1 − 0.5) = 0.75.
        assert!(close(alpha, 0.75), "{alpha:?}");
    }
}
