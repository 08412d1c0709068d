/**
 * The sample photos shipped in `datasets/photos/` (credits and licences in datasets/PROVENANCE.md) and what is in
 * each, in ImageNet's terms. `correct` lists every ILSVRC-2012 class index that counts as a right answer; it is
 * empty when ImageNet has no class for the photo's subject, and `truth` then says so in words.
 */
export interface SamplePhoto {
  file: string;
  /** What the photo shows, in a few words. */
  title: string;
  /** The correct label as a student reads it, with class indices. */
  truth: string;
  /** Class indices that count as correct (any of them in the top 5 is a top-5 hit). */
  correct: number[];
  /** Author / source and licence, shown under the photo. */
  credit: string;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const SAMPLE_PHOTOS: SamplePhoto[] = [
  { file: 'skimage_chelsea_cat.png', title: 'Chelsea the cat', truth: 'a cat (ImageNet has tabby 281, tiger cat 282, Persian cat 283, Siamese cat 284, Egyptian cat 285; any counts)', correct: range(281, 285), credit: 'Stefan van der Walt, CC0 (scikit-image)' },
  { file: 'tuxpaint_tiger_sumatran.png', title: 'Sumatran tiger', truth: 'tiger 292', correct: [292], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_zebra.png', title: 'Zebra', truth: 'zebra 340', correct: [340], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_pink_flamingo.png', title: 'Pink flamingo', truth: 'flamingo 130', correct: [130], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'darknet_eagle.jpg', title: 'Young bald eagle', truth: 'bald eagle 22', correct: [22], credit: 'Joseph Redmon, darknet (GPL-3.0+ / MIT / WTFPL)' },
  { file: 'tuxpaint_dog.png', title: 'Husky-type dog', truth: 'a husky-type dog (Eskimo dog 248, malamute 249, Siberian husky 250; any counts)', correct: [248, 249, 250], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'darknet_dog.jpg', title: 'Dog, bicycle, truck', truth: 'three objects: a dog (any dog breed 151–268), a bicycle (bicycle-built-for-two 444, mountain bike 671) and a pickup 717; any counts', correct: [...range(151, 268), 444, 671, 717], credit: 'Joseph Redmon, darknet (GPL-3.0+ / MIT / WTFPL)' },
  { file: 'tuxpaint_cep.png', title: 'Cep mushroom', truth: 'bolete 997', correct: [997], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_owl.png', title: 'Snowy owl', truth: 'no ImageNet class: its only owl is great grey owl 24', correct: [], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_firetruck.png', title: 'Fire truck', truth: 'fire engine 555', correct: [555], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_747.png', title: 'Boeing 747', truth: 'airliner 404', correct: [404], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_violin.png', title: 'Violin', truth: 'violin 889', correct: [889], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'tuxpaint_guitar_classical.png', title: 'Classical guitar', truth: 'acoustic guitar 402', correct: [402], credit: 'Tux Paint stamps, GPL-2' },
  { file: 'skimage_coffee.png', title: 'Cup of coffee', truth: 'espresso 967 or cup 968', correct: [967, 968], credit: 'Rachel Michetti, CC0 (scikit-image)' },
  { file: 'matplotlib_grace_hopper.jpg', title: 'Grace Hopper', truth: 'military uniform 652 (ImageNet has no class for people)', correct: [652], credit: 'U.S. Navy photo (Matplotlib sample data)' },
  { file: 'skimage_astronaut.png', title: 'Astronaut Eileen Collins', truth: 'no ImageNet class: ImageNet has no class for people', correct: [], credit: 'NASA, public domain (scikit-image)' },
  { file: 'skimage_rocket.jpg', title: 'Rocket on its launch pad', truth: 'no exact ImageNet class (nearest: missile 657, projectile 744, space shuttle 812)', correct: [], credit: 'SpaceX, public domain (scikit-image)' },
  { file: 'sklearn_china.jpg', title: 'Summer Palace tower, Beijing', truth: 'palace 698 (the tower of an imperial palace; it is a Buddhist temple, so monastery 663 counts too)', correct: [698, 663], credit: 'danielbuechele on Flickr, CC BY 2.0 (scikit-learn)' },
  { file: 'sklearn_flower.jpg', title: 'Dahlia', truth: 'no ImageNet class: its only flowers are daisy 985 and yellow lady’s slipper 986', correct: [], credit: 'vultilion on Flickr, CC BY 2.0 (scikit-learn)' },
  { file: 'scipy_face_raccoon.png', title: 'Raccoon', truth: 'no ImageNet class: ImageNet has no raccoon', correct: [], credit: 'public-domain-image.com (SciPy)' },
];

/** Where the app serves the photos, relative to the page. */
export const SAMPLE_PHOTOS_PATH = 'datasets/photos/';
