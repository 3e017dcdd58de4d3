/**
 * Small published data sets whose regression output is printed in many textbooks and in R's own
 * documentation, used only by the tests to check the statistics against known answers.
 */

/**
 * R `datasets::cars` (Ezekiel, Methods of Correlation Analysis, 1930): speed (mph) and stopping
 * distance (ft) of 50 cars. `summary(lm(dist ~ speed, cars))` prints intercept −17.5791
 * (SE 6.7584, t −2.601, p 0.0123), speed 3.9324 (SE 0.4155, t 9.464, p 1.49e-12),
 * R² 0.6511, adjusted R² 0.6438, F 89.57 on 1 and 48 DF, residual standard error 15.38.
 */
export const cars = {
  speed: [
    4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20,
    20, 20, 20, 22, 23, 24, 24, 24, 24, 25,
  ],
  distance: [
    2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26, 54, 32, 40, 32, 40, 50, 42, 56, 76, 84, 36, 46, 68, 32,
    48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85,
  ],
};

/**
 * R `datasets::mtcars` (Henderson & Velleman, "Building multiple regression models
 * interactively", Biometrics 37, 1981), columns mpg, wt (1000 lb), hp and am (1 = manual).
 * `summary(lm(mpg ~ wt + hp, mtcars))`: intercept 37.22727 (SE 1.59879), wt −3.87783 (0.63273,
 * p 1.12e-06), hp −0.03177 (0.00903, p 0.00145), R² 0.8268, adjusted 0.8148, F 69.21 on 2 and 29.
 * `summary(lm(mpg ~ wt + hp + am, mtcars))`: intercept 34.00288 (2.64266), wt −2.87858 (0.90497,
 * p 0.00357), hp −0.03748 (0.00961, p 0.000546), am 2.08371 (1.37642, t 1.514, p 0.141),
 * R² 0.8399, adjusted 0.8227, F 48.96 on 3 and 28.
 */
export const mtcars = {
  mpg: [
    21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26,
    30.4, 15.8, 19.7, 15, 21.4,
  ],
  weight: [
    2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84,
    3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78,
  ],
  horsepower: [
    110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109,
  ],
  manual: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1],
};
