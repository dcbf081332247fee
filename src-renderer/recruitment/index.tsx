// Recruitment (招聘): a post's openings on its page, and one opening's screen.
export { OpeningsCard } from './OpeningsCard';
export { OpeningScreen } from './OpeningScreen';
export { RecruitingLink } from './RecruitingLink';
